import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHtml } from '../src/render/index.ts';
import { LAYOUTS, writeLayout } from '../src/testing/layouts.ts';
import { Random } from '../src/testing/random.ts';
import { randomReport } from '../src/testing/random-report.ts';
import { hasShared, SHARED } from '../test/real/shared.ts';

const RUN_BATCH = fileURLToPath(new URL('../src/cli/batch/run-batch.ts', import.meta.url));

/**
 * A 10,000-file batch as `check --recursive --out` runs it (all cores), as a reviewer would: text
 * and HTML reports made from the corpus and from generated reports, in 100 folders.
 */
export async function benchBatch(count = 10_000): Promise<void> {
  console.log(`\n## 批量：${count} 个文本/HTML 报告，gongkai check -r --out（全部 CPU 核）`);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  try {
    const sources: { ext: string; bytes: Uint8Array }[] = [];
    if (hasShared()) {
      for (const d of ['seeds', 'corpus']) {
        for (const f of readdirSync(resolve(SHARED, d)).filter((n) => n.endsWith('.txt')))
          sources.push({ ext: 'txt', bytes: new Uint8Array(readFileSync(resolve(SHARED, d, f))) });
      }
    }
    for (let seed = 1; seed <= 60; seed++) {
      const r = randomReport(seed);
      sources.push({ ext: 'html', bytes: new TextEncoder().encode(renderHtml(r)) });
      sources.push({ ext: 'txt', bytes: new TextEncoder().encode(writeLayout(r, LAYOUTS[seed % LAYOUTS.length] ?? 'pdf', new Random(seed))) });
    }
    for (let i = 0; i < count; i++) {
      const sub = join(dir, `d${Math.floor(i / 100)}`);
      if (i % 100 === 0) mkdirSync(sub);
      const s = sources[i % sources.length] as (typeof sources)[number];
      writeFileSync(join(sub, `r${i}.${s.ext}`), s.bytes);
    }
    const out = join(dir, 'result.jsonl');
    // A fresh process, as a user runs it; worker threads live in it, so its peak RSS covers them.
    const script = `import { runBatch } from ${JSON.stringify(RUN_BATCH)};
const code = await runBatch([${JSON.stringify(dir)}], { check: true, recursive: true, out: ${JSON.stringify(out)} });
console.error('peak=' + Math.round(process.resourceUsage().maxRSS / 1024) + ' code=' + code);`;
    const t0 = performance.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    console.log(run.stderr.split('\n').find((l) => l.startsWith('== 汇总')) ?? run.stderr.slice(-500));
    const peak = /peak=(\d+)/.exec(run.stderr)?.[1];
    console.log(`总用时 ${seconds.toFixed(1)} 秒（含进程启动），${Math.round(count / seconds)} 份/秒，进程峰值内存 ${peak} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
