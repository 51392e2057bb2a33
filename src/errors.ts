/**
 * The one application error: a code, a message in Chinese a user can act on, and structured
 * details (the rows of an import, the file that could not be read). Every layer throws it for
 * a refusal; only the edges (CLI, server) turn a code into an exit code or an HTTP status, here.
 */

/** What went wrong, as the edges need to know it. */
export type ErrorCode =
  /** Input that breaks a rule (a date, a missing field, a bad file row). */
  | 'invalid'
  /** Command-line usage: an unknown option, a missing argument. */
  | 'usage'
  | 'not_found'
  /** A step the current state does not allow (a second 补正, a duplicate 编号). */
  | 'conflict'
  /** A published (locked) year's report would change. */
  | 'locked'
  /** The actor may not do this for this agency. */
  | 'forbidden'
  /** An input file that cannot be read as a report. */
  | 'unreadable'
  /** A tool the product needs is missing (Chromium) or a resource is busy (the data folder). */
  | 'unavailable'
  /** A report the checks found errors in, where errors stop the work (rendering without --force). */
  | 'check_failed'
  /** No session, or a wrong user name or password (the server). */
  | 'unauthenticated'
  /** Too many attempts in a while (login rate limiting). */
  | 'too_many'
  /** An input larger than the limit (an upload, a request body). */
  | 'too_large';

interface CodeSpec {
  exit: number;
  http: number;
}

/** The one table from codes to exit codes and HTTP statuses. */
export const ERROR_CODES: Record<ErrorCode, CodeSpec> = {
  invalid: { exit: 2, http: 400 },
  usage: { exit: 2, http: 400 },
  not_found: { exit: 2, http: 404 },
  conflict: { exit: 2, http: 409 },
  locked: { exit: 2, http: 423 },
  forbidden: { exit: 2, http: 403 },
  unreadable: { exit: 2, http: 422 },
  unavailable: { exit: 2, http: 503 },
  check_failed: { exit: 1, http: 422 },
  unauthenticated: { exit: 2, http: 401 },
  too_many: { exit: 2, http: 429 },
  too_large: { exit: 2, http: 413 },
};

/** Exit code of an uncaught programming error (EX_SOFTWARE). */
export const INTERNAL_EXIT = 70;

/** A refusal the user can act on: a code, a Chinese message and structured details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** The error as data (JSON output, HTTP bodies, worker messages). */
  toJSON(): { code: ErrorCode; message: string; details: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** True when `error` is an AppError (of one of `codes`, when given). */
export function isAppError(error: unknown, ...codes: ErrorCode[]): error is AppError {
  return error instanceof AppError && (codes.length === 0 || codes.includes(error.code));
}

/** The process exit code for an error: the code's own, or INTERNAL_EXIT for anything else. */
export function exitCodeOf(error: unknown): number {
  return error instanceof AppError ? ERROR_CODES[error.code].exit : INTERNAL_EXIT;
}

/** The HTTP status for an error: the code's own, or 500 for anything else. */
export function httpStatusOf(error: unknown): number {
  return error instanceof AppError ? ERROR_CODES[error.code].http : 500;
}
