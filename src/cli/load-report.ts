import { ReadError, readInput, readReportBytes } from '../ingest/index.ts';
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
  if (!file.toLowerCase().endsWith('.json') && !head.startsWith('{')) return readReportBytes(file, bytes);
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
