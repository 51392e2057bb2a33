import { printable } from '../printable.ts';
import { AppError, exitCodeOf } from '../errors.ts';

/**
 * Says what went wrong on stderr, in Chinese, and returns the exit code: an AppError as one
 * line (and its problems, one per line, when it lists them); anything else is a defect of the
 * program, shown by its first line (the stack with GONGKAI_DEBUG=1).
 */
export function reportError(error: unknown, err: NodeJS.WritableStream = process.stderr): number {
  if (error instanceof AppError) {
    err.write(`错误：${printable(error.message, true)}\n`);
  } else {
    // The stack only on request: messages of libraries may quote personal data from the input.
    const debug = process.env.GONGKAI_DEBUG === '1';
    const text =
      error instanceof Error
        ? debug
          ? (error.stack ?? error.message)
          : `${error.name}: ${error.message.split('\n')[0]?.slice(0, 200)}`
        : String(error).slice(0, 200);
    err.write(`程序内部错误（请报告此问题；设置 GONGKAI_DEBUG=1 可显示详细信息）：${printable(text)}\n`);
  }
  return exitCodeOf(error);
}
