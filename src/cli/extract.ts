import { type BatchOptions, runBatch } from './batch/run-batch.ts';

export type ExtractOptions = Omit<BatchOptions, 'check'>;

/** `gongkai extract`: each report's tables (terminal, --json, --csv or --out); returns the exit code. */
export function extract(args: readonly string[], options: ExtractOptions): Promise<number> {
  return runBatch(args, { ...options, check: false });
}
