import type { Queryable } from '../db/index.ts';

/**
 * Failed logins counted in the database (table login_failures) over a sliding window, per key
 * (a client address, a user name): after `max` failures within `windowMs`, the key is refused
 * until the oldest of them leaves the window. Kept in the database so that restarting the
 * server (or running several) does not reset an attacker's count. The clock is injectable for
 * tests; failures older than the window are pruned as new ones come.
 */
export class FailureLimiter {
  constructor(
    private readonly db: Queryable,
    /** Namespaces the keys of one limiter ('user', 'client'). */
    private readonly kind: string,
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private key(key: string): string {
    return `${this.kind}:${key}`;
  }

  private since(): string {
    return new Date(this.now() - this.windowMs).toISOString();
  }

  /** Seconds until `key` may try again, or 0 when it may now. */
  async retryAfter(key: string): Promise<number> {
    // The max-th most recent failure in the window: once it leaves the window, the key may try again.
    const { rows } = await this.db.query<{ at: number }>(
      `select (extract(epoch from at) * 1000)::float8 as at from login_failures where key = $1 and at > $2 order by at desc offset $3 limit 1`,
      [this.key(key), this.since(), this.max - 1],
    );
    const oldest = rows[0]?.at;
    if (oldest === undefined) return 0;
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  /** Counts a failure. */
  async fail(key: string): Promise<void> {
    await this.db.query('insert into login_failures (key, at) values ($1, $2)', [this.key(key), new Date(this.now()).toISOString()]);
    await this.db.query('delete from login_failures where at <= $1', [this.since()]);
  }

  /** Forgets a key's failures (after a successful login). */
  async clear(key: string): Promise<void> {
    await this.db.query('delete from login_failures where key = $1', [this.key(key)]);
  }
}
