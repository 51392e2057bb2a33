import { runChecks } from '../check/index.ts';
import { ReadError } from '../ingest/document.ts';
// The dispatcher alone: ingest/index.ts loads every reader up front, read-report.ts on demand.
import { readInput, readReportBytes } from '../ingest/read-report.ts';
import type { Finding, Report } from '../report/index.ts';

/** A report read from a file, with its findings when checked. */
export interface Analysis {
  file: string;
  report: Report;
  findings?: Finding[];
}

/** What became of one input: its analysis, or why it could not be read (Chinese and English). */
export type AnalysisResult = Analysis | { file: string; error: { reason: string; reasonEn: string } };

/**
 * The unit of work of the CLI, a batch worker and the server: bytes → report → findings. The
 * reader is chosen by content (`name` is for messages and provenance). Throws a ReadError when
 * the bytes are not a readable report.
 */
export async function analyze(bytes: Uint8Array, name: string, options: { check?: boolean } = {}): Promise<Analysis> {
  const report = await readReportBytes(name, bytes);
  return options.check === false ? { file: name, report } : { file: name, report, findings: runChecks(report) };
}

/**
 * A file analysed; never throws: an unreadable file, or a defect met while reading it, is an
 * error result naming the file, so one bad file never stops a batch.
 */
export async function analyzeFile(file: string, options: { check?: boolean } = {}): Promise<AnalysisResult> {
  try {
    return await analyze(await readInput(file), file, options);
  } catch (error) {
    if (error instanceof ReadError) return { file, error: { reason: error.reason, reasonEn: error.reasonEn } };
    const message = error instanceof Error ? error.message : String(error);
    return { file, error: { reason: `读取时出现内部错误：${message}`, reasonEn: 'internal error while reading' } };
  }
}
