import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSeries } from '../src/check/index.ts';
import { aggregate, compareReports } from '../src/compare/index.ts';
import { writeAggregateXlsx } from '../src/compare/xlsx.ts';
import type { Report } from '../src/report/index.ts';
import { randomReport } from '../src/testing/random-report.ts';
import { peakMb, report, timeEach } from './measure.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} 秒`;

/** 2,000 agencies × five years, generated in memory (agency names made unique). */
function reports(count: number): Report[] {
  return Array.from({ length: count }, (_, i) => {
    const r = randomReport(i + 1, { format: '2021' });
    r.meta.agency = `${Math.floor(i / 5)}号${r.meta.agency}`;
    r.meta.year = 2021 + (i % 5);
    return r;
  });
}

/**
 * Aggregation of 10,000 reports (target: 2 s; per year and level, totals of every cell,
 * rankings, flagged agencies), the series checks over them, a workbook of 1,000, and the
 * comparison of two reports.
 */
export async function benchCompare(): Promise<void> {
  console.log('\n## 汇总与比较（单核，报告在内存中生成）');
  const count = 10_000;
  let t0 = performance.now();
  const set = reports(count);
  // Generated reports are valid (a test holds them to it): findings are the series checks' below.
  console.log(`生成 ${count} 份报告：${seconds(performance.now() - t0)}`);
  t0 = performance.now();
  const series = checkSeries(set.map((report) => ({ report })));
  console.log(`跨报告核对 ${count} 份（相邻年度、同年度雷同、公布时间）：${seconds(performance.now() - t0)}，发现 ${series.flat().length} 个问题`);
  const entries = set.map((r, i) => ({ report: r, findings: series[i] ?? [] }));
  for (let round = 1; round <= 3; round++) {
    t0 = performance.now();
    const groups = aggregate(entries, { by: 'level' });
    console.log(`汇总 ${count} 份（按年度和层级，${groups.length} 组，第 ${round} 次）：${seconds(performance.now() - t0)}  峰值内存 ${peakMb()} MB`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  try {
    t0 = performance.now();
    const some = entries.slice(0, 1000);
    await writeAggregateXlsx(join(dir, 'aggregate.xlsx'), some, aggregate(some));
    console.log(`写出汇总 XLSX（${some.length} 行 × 208 列，另有汇总、排名、问题表）：${seconds(performance.now() - t0)}  峰值内存 ${peakMb()} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pairs = Array.from({ length: 50 }, (_, i) => [set[i * 5] as Report, set[i * 5 + 1] as Report] as const);
  report(
    '比较两份报告（单元格、正文差异、雷同度、核对）',
    timeEach(pairs, 4, ([a, b]) => compareReports(a, b)),
  );
}
