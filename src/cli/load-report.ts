// The reader runs on a worker; this module needs only the error type and the file reader.
import { ReadError } from '../ingest/document.ts';
import { readInput } from '../ingest/read-report.ts';
import { runPool } from './batch/pool.ts';
import { type Report, reportFromJson } from '../report/index.ts';

/**
 * Loads a report for rendering: report JSON (validated, problems listed with their paths), or
 * any container `extract` reads.
 */
export async function loadReport(file: string): Promise<Report> {
  const bytes = await readInput(file);
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\ufeff/, '')
    .trimStart();
  if (!file.toLowerCase().endsWith('.json') && !head.startsWith('{')) {
    // Read on a worker, as `extract` does: the file gets the time and heap limits.
    for await (const result of runPool([file], { check: false, workers: 1 })) {
      if ('error' in result) throw new ReadError(file, result.error.reason, result.error.reasonEn);
      return result.report;
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes).replace(/^\ufeff/, ''));
  } catch (error) {
    throw new ReadError(file, `不是有效的 JSON（${(error as Error).message}）`, 'invalid JSON');
  }
  const result = reportFromJson(data, file);
  if ('problems' in result) {
    const list = result.problems.map((p) => `${p.path}：${p.message}`).join('；');
    throw new ReadError(file, `报告 JSON 有${result.problems.length}处问题：${list}`, 'invalid report JSON');
  }
  return result.report;
}
