/** Anything SQL can be sent to: the database, or a transaction on it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** A database: PGlite embedded by default, a PostgreSQL server by URL. */
export interface Database extends Queryable {
  kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: all of it or none. `actor` is recorded in the audit trail of
   * every change made inside. The database's refusals (a locked year, a broken constraint)
   * arrive as AppErrors.
   */
  transaction<T>(actor: string, fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// The application error lives in src/errors.ts; re-exported here for the database's callers.
export { AppError } from '../errors.ts';
