import { runChecks } from '../../check/index.ts';
import { ReadError, readReport } from '../../ingest/index.ts';
import type { Finding, Report } from '../../report/index.ts';

/** The outcome of one file in a batch. */
export type JobResult = { file: string; report: Report; findings?: Finding[] } | { file: string; error: { reason: string; reasonEn: string } };

/** Reads (and optionally checks) one file; never throws. */
export async function runJob(file: string, check: boolean): Promise<JobResult> {
  try {
    const report = await readReport(file);
    return check ? { file, report, findings: runChecks(report) } : { file, report };
  } catch (error) {
    if (error instanceof ReadError) return { file, error: { reason: error.reason, reasonEn: error.reasonEn } };
    const message = error instanceof Error ? error.message : String(error);
    return { file, error: { reason: `读取时出现内部错误：${message}`, reasonEn: 'internal error while reading' } };
  }
}
