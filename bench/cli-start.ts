import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMarkdown, renderPdf } from '../src/render/index.ts';
import { randomReport } from '../src/testing/random-report.ts';

const BIN = fileURLToPath(new URL('../bin/gongkai.js', import.meta.url));
const BUILD = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
const TIME = '/usr/bin/time';

/** One run of the CLI in a fresh process: wall and CPU seconds. */
function once(args: string[], env: NodeJS.ProcessEnv): { wall: number; cpu: number | null } {
  const t0 = performance.now();
  const r = existsSync(TIME)
    ? spawnSync(TIME, ['-f', '%U %S', process.execPath, BIN, ...args], { env, encoding: 'utf8' })
    : spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  const m = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr ?? '');
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : null };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/**
 * CLI start: `--version`, one text check and one PDF check, each in a fresh process — the
 * first run (cold: nothing in the OS file cache from this command yet) and the median of five —
 * from the compiled build and, for comparison, from the TypeScript sources through tsx.
 */
export async function benchCliStart(): Promise<void> {
  console.log('\n## 命令行启动（每次新进程；秒：墙钟 / CPU）');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-start-'));
  try {
    const report = randomReport(7, { format: '2021' });
    writeFileSync(join(dir, 'one.txt'), renderMarkdown(report));
    let pdf = true;
    try {
      writeFileSync(join(dir, 'one.pdf'), await renderPdf(report));
    } catch {
      pdf = false;
    }
    const build = spawnSync(process.execPath, [BUILD], { encoding: 'utf8' });
    if (build.status !== 0) console.log(`编译失败，以下为源码运行：${build.stderr}`);
    const cases: [string, string[]][] = [
      ['--version', ['--version']],
      ['check 一份文本', ['check', join(dir, 'one.txt')]],
      ...(pdf ? ([['check 一份 PDF', ['check', join(dir, 'one.pdf')]]] as [string, string[]][]) : []),
    ];
    for (const [mode, env] of [
      ['编译后（dist/）', { ...process.env }],
      ['源码（tsx）', { ...process.env, GONGKAI_FROM_SOURCE: '1' }],
    ] as const) {
      for (const [name, args] of cases) {
        const cold = once(args, env);
        const runs = Array.from({ length: mode.startsWith('源码') ? 2 : 5 }, () => once(args, env));
        const cpu = runs.map((r) => r.cpu).filter((c): c is number => c !== null);
        console.log(
          `${mode} ${name}：首次 ${cold.wall.toFixed(2)} / ${cold.cpu?.toFixed(2) ?? '—'}，中位数 ${median(runs.map((r) => r.wall)).toFixed(2)} / ${
            cpu.length ? median(cpu).toFixed(2) : '—'
          }`,
        );
      }
    }
    if (!pdf) console.log('（没有 Chromium，未生成 PDF，未测 PDF 检查）');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
