import { checkSeries, hasErrors } from '../../check/index.ts';
import { type Finding, type Report, reportJson } from '../../report/index.ts';
import { printFindings } from '../print-findings.ts';
import { printReport } from '../print-report.ts';
import { expandInputs } from './expand.ts';
import type { JobResult } from './job.ts';
import { csvLines, LONG_HEADER, longCsvText, openSink, type ResultSink } from '../../export/index.ts';
import { printable } from '../../printable.ts';
import { runPool } from './pool.ts';
import { Progress } from './progress.ts';
import { Summary } from './summary.ts';

export interface BatchOptions {
  /** Run the checks (the `check` command) or only extract. */
  check: boolean;
  json?: boolean;
  csv?: boolean;
  out?: string;
  recursive?: boolean;
  /** Worker threads (default: all cores for large batches). */
  workers?: number;
}

interface Streams {
  out: NodeJS.WritableStream;
  err: NodeJS.WriteStream;
}

/** The one-line message for an unreadable input, Chinese then English. */
export function errorLine(file: string, error: { reason: string; reasonEn: string }): string {
  const name = printable(file);
  return `错误：${name}：${printable(error.reason)}（error: ${name}: ${printable(error.reasonEn)}）`;
}

function printResult(result: JobResult, options: BatchOptions & { terminal?: boolean }): string {
  if ('error' in result) return options.json ? `${JSON.stringify({ file: result.file, error: result.error.reason })}\n` : '';
  if (options.json) return `${JSON.stringify(reportJson(result.report, options.check ? result.findings : undefined))}\n`;
  // CSV on a terminal: control characters inside fields (a file name's escape sequences) shown as
  // escapes, the line breaks between rows kept; piped or redirected, the CSV is left byte-exact.
  if (options.csv) {
    const text = longCsvText(result.file, result.report);
    return options.terminal ? printable(text, true) : text;
  }
  return options.check ? `${printFindings(result.file, result.findings ?? [])}\n` : `${printReport(result.report)}\n\n`;
}

// The cells the series rules read; a batch keeps only these (and the texts) of each report.
const SERIES_CELLS = /^(b\.carried_(in|out)\.|a\.(rules|normative)\.)/;

/** What the series rules need of a report, without the rest of its cells and their sources. */
function slim(report: Report): Report {
  const cells = Object.fromEntries(Object.entries(report.cells).filter(([key]) => SERIES_CELLS.test(key)));
  return { ...report, cells, messages: [] };
}

/** Series findings (previous year, peers, timeliness) of the reports of a batch, by file. */
function seriesFindings(reports: readonly Report[]): { file: string; findings: Finding[] }[] {
  return checkSeries(reports.map((report) => ({ report })))
    .map((findings, i) => ({ file: (reports[i] as Report).meta.source.file, findings }))
    .filter((r) => r.findings.length > 0);
}

/**
 * `extract` and `check` over files and folders: reads them on all cores, prints or writes each
 * result in input order, shows progress, and ends with a summary. Returns the exit code: 2 when
 * an input could not be read, else 1 when a check found an error, else 0.
 */
export async function runBatch(
  args: readonly string[],
  options: BatchOptions,
  streams: Streams = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const { out, err } = streams;
  const files = await expandInputs(args, options.recursive ?? false);
  if (files.length === 0) {
    err.write('错误：没有找到可读取的报告文件（error: no report files found）\n');
    return 2;
  }
  let sink: ResultSink | undefined;
  try {
    sink = options.out ? await openSink(options.out) : undefined;
  } catch (error) {
    err.write(`错误：${printable((error as Error).message)}\n`);
    return 2;
  }
  const batch = files.length > 1;
  const progress = new Progress(batch ? files.length : 0, err);
  const quietErrors = Boolean(err.isTTY) && batch;
  const deferred: string[] = [];
  const summary = new Summary();
  let errors = false;
  const kept: Report[] = [];
  if (options.csv && !sink) out.write(csvLines([LONG_HEADER]));
  for await (const result of runPool(files, { check: options.check, ...(options.workers === undefined ? {} : { workers: options.workers }) })) {
    summary.add(result);
    if ('error' in result) {
      const line = errorLine(result.file, result.error);
      if (quietErrors) deferred.push(line);
      else err.write(`${line}\n`);
    } else {
      if (options.check && hasErrors(result.findings ?? [])) errors = true;
      if (options.check) kept.push(slim(result.report));
    }
    if (sink) await sink.add(result);
    else out.write(printResult(result, { ...options, terminal: Boolean((out as NodeJS.WriteStream).isTTY) }));
    progress.tick();
  }
  progress.stop();
  // Rules over several reports run once all are read: an agency's years may come in any order.
  const series = options.check ? seriesFindings(kept) : [];
  if (series.length > 0 && !options.json && !sink) out.write('== 跨报告核对（同一机关相邻年度、同年度其他机关、公布时间）\n');
  for (const { file, findings } of series) {
    summary.addFindings(findings);
    if (hasErrors(findings)) errors = true;
    if (sink) await sink.addFindings?.(file, findings);
    else if (options.json) out.write(`${JSON.stringify({ file, series: true, findings })}\n`);
    else out.write(`${printFindings(file, findings)}\n`);
  }
  await sink?.close();
  for (const line of deferred) err.write(`${line}\n`);
  if (batch) err.write(`${summary.text()}${options.out ? `\n   结果已写入：${options.out}` : ''}\n`);
  return summary.failures.length > 0 ? 2 : errors ? 1 : 0;
}
