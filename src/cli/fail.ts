import { AppError, exitCodeOf } from '../errors.ts';

/**
 * Says what went wrong on stderr, in Chinese, and returns the exit code: an AppError as one
 * line (and its problems, one per line, when it lists them); anything else is a defect of the
 * program, shown with its stack.
 */
export function reportError(error: unknown, err: NodeJS.WritableStream = process.stderr): number {
  if (error instanceof AppError) {
    err.write(`错误：${error.message}\n`);
  } else {
    err.write(`程序内部错误（请报告此问题）：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  return exitCodeOf(error);
}
