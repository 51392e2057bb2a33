import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runChecks } from '../src/check/index.ts';
import { locate, readText } from '../src/ingest/index.ts';
import { LAYOUTS, writeLayout } from '../src/testing/layouts.ts';
import { Random } from '../src/testing/random.ts';
import { randomReport } from '../src/testing/random-report.ts';
import { hasShared, SHARED } from '../test/real/shared.ts';
import { report, timeEach } from './measure.ts';

interface Input {
  file: string;
  bytes: Uint8Array;
}

function extractAndCheck(input: Input): void {
  runChecks(locate(readText(input.file, input.bytes)));
}

/** Text extraction + checks on one core: the seeds and corpus, and generated reports. */
export function benchText(): void {
  console.log('\n## 文本报告：提取 + 核对（单核）');
  if (hasShared()) {
    const real: Input[] = [];
    for (const dir of ['seeds', 'corpus']) {
      for (const f of readdirSync(resolve(SHARED, dir)).filter((n) => n.endsWith('.txt'))) {
        real.push({ file: f, bytes: new Uint8Array(readFileSync(resolve(SHARED, dir, f))) });
      }
    }
    extractAndCheck(real[0] as Input);
    report(`种子与语料（${real.length} 个文本文件）× 50 轮`, timeEach(real, 50, extractAndCheck));
    const seeds = real.filter((r) => /^\d{3}_/.test(r.file));
    report('两份完整种子报告 × 500 轮', timeEach(seeds, 500, extractAndCheck));
  } else {
    console.log('（本机没有 ../shared/，跳过种子与语料，只测生成的报告）');
  }
  const generated: Input[] = [];
  for (let seed = 1; seed <= 100; seed++) {
    const layout = LAYOUTS[seed % LAYOUTS.length] ?? 'pdf';
    generated.push({ file: `gen-${seed}.txt`, bytes: new TextEncoder().encode(writeLayout(randomReport(seed), layout, new Random(seed))) });
  }
  report('生成的完整报告（5 种版式，100 份）× 10 轮', timeEach(generated, 10, extractAndCheck));
}
