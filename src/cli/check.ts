import { type BatchOptions, runBatch } from './batch/run-batch.ts';

export type CheckOptions = Omit<BatchOptions, 'check' | 'csv'>;

/**
 * `gongkai check`: findings grouped by file. Exit code 2 when an input could not be read, else
 * 1 when any report has an error-level finding, else 0.
 */
export function check(args: readonly string[], options: CheckOptions): Promise<number> {
  return runBatch(args, { ...options, check: true });
}
