/**
 * Failed logins counted in memory over a sliding window, per key (a client address, a user
 * name): after `max` failures within `windowMs`, the key is refused until the oldest failure
 * leaves the window. One process serves the register, so memory is the right place.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Seconds until `key` may try again, or 0 when it may now. */
  retryAfter(key: string): number {
    const kept = this.recent(key);
    if (kept.length < this.max) return 0;
    return Math.max(1, Math.ceil(((kept[kept.length - this.max] as number) + this.windowMs - this.now()) / 1000));
  }

  /** Counts a failure. */
  fail(key: string): void {
    const kept = this.recent(key);
    kept.push(this.now());
    this.failures.set(key, kept);
    // Bound the memory an attacker cycling keys can take.
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  /** Forgets a key's failures (after a successful login). */
  clear(key: string): void {
    this.failures.delete(key);
  }
}
