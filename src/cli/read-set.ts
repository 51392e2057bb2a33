import { resolve } from 'node:path';
import { checkSeries, type AgencyLevel } from '../check/index.ts';
import { readPublicationDates } from './publication-dates.ts';
import type { Finding, Report } from '../report/index.ts';
import { errorLine } from './batch/run-batch.ts';
import { expandInputs } from './batch/expand.ts';
import { runPool } from './batch/pool.ts';
import { Progress } from './batch/progress.ts';

/** A set of reports read and checked, each with its own and its series findings. */
export interface ReportSet {
  reports: { report: Report; findings: Finding[] }[];
  /** Inputs that could not be read. */
  failures: number;
  /** What the command line says of a report beyond the document: its level, its publication date. */
  contextOf(report: Report): { level?: AgencyLevel; publishedOn?: string };
}

/**
 * Reads files and folders on the worker pool (as `check` does), prints one line per unreadable
 * input, and adds the series findings (previous year, peers, timeliness: against the dates of
 * `dates`, a CSV of file and publication date, where it names the file) to each report's own.
 */
export async function readSet(
  args: readonly string[],
  options: { recursive?: boolean; workers?: number; level?: AgencyLevel; series?: boolean; dates?: string },
  err: NodeJS.WriteStream = process.stderr,
): Promise<ReportSet | undefined> {
  const dates = options.dates ? await readPublicationDates(options.dates) : new Map<string, string>();
  const files = await expandInputs(args, options.recursive ?? false);
  if (files.length === 0) {
    err.write('错误：没有找到可读取的报告文件（error: no report files found）\n');
    return undefined;
  }
  const progress = new Progress(files.length > 1 ? files.length : 0, err);
  const read: { report: Report; findings: Finding[] }[] = [];
  const lines: string[] = [];
  for await (const result of runPool(files, { check: true, ...(options.workers === undefined ? {} : { workers: options.workers }) })) {
    if ('error' in result) lines.push(errorLine(result.file, result.error));
    else read.push({ report: result.report, findings: result.findings ?? [] });
    progress.tick();
  }
  progress.stop();
  for (const line of lines) err.write(`${line}\n`);
  const contextOf = (report: Report) => {
    const publishedOn = dates.get(resolve(report.meta.source.file));
    return { ...(options.level ? { level: options.level } : {}), ...(publishedOn ? { publishedOn } : {}) };
  };
  if (options.series === false) return { reports: read, failures: lines.length, contextOf };
  const series = checkSeries(read.map((r) => ({ report: r.report, ...contextOf(r.report) })));
  read.forEach((r, i) => r.findings.push(...(series[i] ?? [])));
  return { reports: read, failures: lines.length, contextOf };
}
