import { type AnalysisResult, analyzeFile } from '../../pipeline/index.ts';

/** The outcome of one file in a batch. */
export type JobResult = AnalysisResult;

/** Reads (and optionally checks) one file; never throws. */
export function runJob(file: string, check: boolean): Promise<JobResult> {
  return analyzeFile(file, { check });
}
