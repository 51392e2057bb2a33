// `npm run build` (and `prepare`, so `npm ci` runs it): compiles src/ to dist/ with tsc,
// copies the files the code reads beside itself (fonts.conf, the worker entry), bundles the
// workbench (web/ → dist/web) with Vite, and stamps the build so bin/gongkai.js knows it is current.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.warn('未安装 TypeScript（开发依赖），跳过编译；命令行将直接运行 TypeScript 源码（启动较慢）。');
  process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

function assets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures' && entry.name !== 'testing') assets(path);
    } else if (!entry.name.endsWith('.ts')) {
      const target = join(dist, relative(src, path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
    }
  }
}
assets(src);
if (!existsSync(join(dist, 'cli', 'main.js'))) {
  console.error('编译结果缺少 dist/cli/main.js');
  process.exit(1);
}
// The workbench (web/) bundled by Vite into dist/web, which the server serves.
try {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });
} catch (error) {
  console.error('网页界面构建失败：', error instanceof Error ? error.message : error);
  process.exit(1);
}
writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
