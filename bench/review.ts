import { createHash } from 'node:crypto';
import { agencyLevel, runChecks } from '../src/check/index.ts';
import { aggregateBatch, cellReports, compareStored, flatCells } from '../src/review/index.ts';
import { randomReport } from '../src/testing/random-report.ts';
import { testDatabase } from '../src/testing/db.ts';
import { peakMb, report, timeAsync } from './measure.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} 秒`;

/**
 * The reviewer console on a PGlite database: 10,000 stored reports of one batch (generated,
 * bulk-inserted with their figures and findings), the aggregation endpoint's SQL by year and
 * level (target: 2 s), the click-through of one cell, and the comparison of two stored reports.
 */
export async function benchReview(): Promise<void> {
  console.log('\n## 审阅：10,000 份已读报告的汇总与比较（PGlite）');
  const count = 10_000;
  // Whole reports (for comparison) on the first agencies' rows; every row has figures and findings.
  const withReport = 500;
  const db = await testDatabase();
  try {
    const batchId = (
      await db.query<{ id: number }>("insert into review_batches (name, year, created_by) values ('基准测试批次', 2024, 'bench') returning id")
    ).rows[0]?.id as number;
    let t0 = performance.now();
    const chunk = 500;
    for (let start = 0; start < count; start += chunk) {
      const rows: Record<string, unknown>[] = [];
      for (let i = start; i < Math.min(count, start + chunk); i++) {
        const r = randomReport(i + 1, { format: '2021' });
        r.meta.agency = `${Math.floor(i / 5)}号${r.meta.agency}`;
        r.meta.year = 2021 + (i % 5);
        const findings = runChecks(r);
        const bytes = JSON.stringify({ bench: i });
        rows.push({
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes: Buffer.from(bytes).toString('base64'),
          file_name: `${r.meta.agency}${r.meta.year}.html`,
          agency: r.meta.agency,
          agency_level: agencyLevel(r.meta.agency),
          year: r.meta.year,
          report: i < withReport ? r : null,
          cells: flatCells(r),
          findings,
          errors: findings.filter((f) => f.severity === 'error').length,
          warnings: findings.filter((f) => f.severity === 'warning').length,
        });
      }
      await db.transaction('bench', async (tx) => {
        await tx.query(
          `insert into crawl_blobs (sha256, size, content)
           select sha256, length(decode(bytes, 'base64')), decode(bytes, 'base64') from jsonb_to_recordset($1::jsonb) as x(sha256 text, bytes text)`,
          [JSON.stringify(rows)],
        );
        await tx.query(
          `insert into review_reports (batch_id, file_name, sha256, size, kind, status, agency, agency_level, year, format, report, cells, findings, errors, warnings, created_by, read_at)
           select $2, file_name, sha256, 0, 'html', 'read', agency, agency_level, year, '2021', report, cells, findings, errors, warnings, 'bench', now()
             from jsonb_to_recordset($1::jsonb) as x(file_name text, sha256 text, agency text, agency_level text, year int, report jsonb, cells jsonb, findings jsonb, errors int, warnings int)`,
          [JSON.stringify(rows), batchId],
        );
      });
    }
    console.log(`生成并写入 ${count} 份报告（其中 ${withReport} 份存有完整报告）：${seconds(performance.now() - t0)}  峰值内存 ${peakMb()} MB`);
    await db.query('analyze review_reports');
    for (let round = 1; round <= 3; round++) {
      t0 = performance.now();
      const groups = await aggregateBatch(db, batchId);
      console.log(
        `汇总 ${count} 份（SQL，按年度和层级 ${groups.length} 组，各单元格合计、排名、有问题的报告；第 ${round} 次）：${seconds(performance.now() - t0)}  峰值内存 ${peakMb()} MB`,
      );
    }
    t0 = performance.now();
    const behind = await cellReports(db, batchId, 'b.new.total');
    console.log(`点击一个单元格：${behind.length} 份报告的值：${seconds(performance.now() - t0)}`);
    const ids = (
      await db.query<{ id: number }>('select id from review_reports where batch_id = $1 and report is not null order by id limit 100', [batchId])
    ).rows.map((r) => r.id);
    const pairs = Array.from({ length: 20 }, (_, i) => [ids[i * 5] as number, ids[i * 5 + 1] as number] as const);
    report('比较两份已存报告（读取、应用更正、单元格、正文差异、雷同度、核对）', await timeAsync(pairs, 2, ([a, b]) => compareStored(db, a, b)));
  } finally {
    await db.close();
  }
}
