import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type AgencyLevel, hasErrors } from '../check/index.ts';
import { compareReports, compareSet, type YearComparison } from '../compare/index.ts';
import { AppError } from '../errors.ts';
import { printComparison } from './print-comparison.ts';
import { readSet } from './read-set.ts';

export interface CompareOptions {
  json?: boolean;
  out?: string;
  recursive?: boolean;
  workers?: number;
  level?: AgencyLevel;
  top?: number;
  /** A CSV of file and publication date. */
  dates?: string;
}

function checkOut(path: string): void {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.xlsx') throw new AppError('invalid', `不支持的输出格式「${ext || path}」：请用 .json 或 .xlsx`);
}

/**
 * `gongkai compare`: reads the reports, pairs each agency's consecutive years and compares them
 * (with the other agencies of the same year as peers); two reports that do not pair are
 * compared in year order. Exit 2 when an input could not be read or nothing pairs, 1 when a
 * comparison has an error-level finding, else 0.
 */
export async function compare(args: readonly string[], options: CompareOptions): Promise<number> {
  if (options.out) checkOut(options.out);
  const set = await readSet(args, { ...options, series: false });
  if (!set) return 2;
  const reports = set.reports.map((r) => r.report);
  let comparisons: YearComparison[] = compareSet(reports, set.contextOf);
  let note = '';
  if (comparisons.length === 0 && reports.length === 2) {
    const [a, b] = [...reports].sort((x, y) => (x.meta.year ?? 0) - (y.meta.year ?? 0)) as [(typeof reports)[0], (typeof reports)[0]];
    comparisons = [compareReports(a, b, [], set.contextOf(b))];
    note = '注意：两份报告不是同一机关相邻年度的报告，按年度先后直接比较（不作跨年度核对）\n';
  }
  if (comparisons.length === 0) {
    process.stderr.write(`错误：在 ${reports.length} 份报告中没有找到同一机关相邻年度的报告（机关按名称识别，忽略空白和标点）\n`);
    return 2;
  }
  if (options.out?.toLowerCase().endsWith('.xlsx')) {
    const { writeComparisonXlsx } = await import('../compare/xlsx.ts');
    await writeComparisonXlsx(options.out, comparisons);
  } else if (options.out) await writeFile(options.out, `${JSON.stringify({ comparisons }, null, 2)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify({ comparisons })}\n`);
  else {
    process.stderr.write(note);
    process.stdout.write(`${comparisons.map((c) => printComparison(c, options.top)).join('\n\n')}\n`);
    if (options.out) process.stdout.write(`结果已写入：${options.out}\n`);
  }
  if (set.failures > 0) return 2;
  return comparisons.some((c) => hasErrors(c.findings)) ? 1 : 0;
}
