import { agencyKey, agencyLevel } from '../check/index.ts';
import { loadBlob } from '../collect/index.ts';
import type { Database, Queryable } from '../db/index.ts';
import { ReadError } from '../ingest/document.ts';
import { type Analyzer, analyze as analyzeHere, ReadWorkersClosed } from '../pipeline/index.ts';
import { READER_VERSION } from '../queue/reader-version.ts';
import type { Report } from '../report/index.ts';
import { recheckFollowing, recheckReport } from './checks.ts';

/** The register's agency of a report's agency name: the same name, else the same normalised name (`agencyKey`). */
export async function matchAgency(db: Queryable, name: string | null): Promise<number | null> {
  if (!name) return null;
  const exact = (await db.query<{ id: number }>('select id from agencies where name = $1', [name])).rows[0];
  if (exact) return exact.id;
  const key = agencyKey(name);
  if (key === null) return null;
  const all = await db.query<{ id: number; name: string }>('select id, name from agencies order by id');
  const found = all.rows.filter((a) => agencyKey(a.name) === key);
  return found.length === 1 ? (found[0] as { id: number }).id : null;
}

/** What reading one stored report gave: the report, or why not (Chinese and English). */
type Outcome = { report: Report } | { error: { reason: string; reasonEn: string } };

/** Stores a report's reading and its checks, in one transaction. */
export async function storeReading(db: Database, reportId: number, outcome: Outcome): Promise<void> {
  await db.transaction('system', async (tx) => {
    if ('error' in outcome) {
      await tx.query("update review_reports set status = 'unreadable', error = $2::jsonb, reader_version = $3, read_at = now() where id = $1", [
        reportId,
        JSON.stringify(outcome.error),
        READER_VERSION,
      ]);
      return;
    }
    const { meta } = outcome.report;
    const updated = await tx.query(
      `update review_reports
          set status = 'read', error = null, report = $2::jsonb, kind = $3, agency = $4, year = $5, format = $6,
              published_on = coalesce(published_on, $7::date), agency_level = coalesce(agency_level, $8),
              target_agency_id = coalesce(target_agency_id, $9), reader_version = $10, read_at = now()
        where id = $1 returning id`,
      [
        reportId,
        JSON.stringify(outcome.report),
        meta.source.kind,
        meta.agency,
        meta.year !== null && meta.year >= 2000 && meta.year <= 2100 ? meta.year : null,
        meta.format,
        meta.date,
        meta.agency ? agencyLevel(meta.agency) : null,
        await matchAgency(tx, meta.agency),
        READER_VERSION,
      ],
    );
    if (updated.rows.length === 0) return;
    await recheckReport(tx, reportId);
    await recheckFollowing(tx, reportId);
  });
}

/**
 * Reads one stored report (pending) and stores the result. An unreadable file is stored with
 * the reader's reason; a defect met while reading is stored as 「读取时出现内部错误」 and logged.
 */
export async function readStored(db: Database, reportId: number, log: (error: unknown) => void, analyze: Analyzer = analyzeHere): Promise<void> {
  const row = (
    await db.query<{ sha256: string; file_name: string }>("select sha256, file_name from review_reports where id = $1 and status = 'pending'", [
      reportId,
    ])
  ).rows[0];
  if (!row) return;
  let outcome: Outcome;
  try {
    const bytes = await loadBlob(db, row.sha256);
    if (!bytes) throw new Error(`review report ${reportId}: blob ${row.sha256} is missing`);
    outcome = { report: (await analyze(bytes, row.file_name, { check: false })).report };
  } catch (error) {
    // The server is stopping: the row stays pending and is read after the restart.
    if (error instanceof ReadWorkersClosed) return;
    if (error instanceof ReadError) outcome = { error: { reason: error.reason, reasonEn: error.reasonEn } };
    else {
      log(error);
      outcome = { error: { reason: '读取时出现内部错误', reasonEn: 'internal error while reading' } };
    }
  }
  await storeReading(db, reportId, outcome);
}

/** Options of the background reader. */
export interface ReviewReaderOptions {
  /** Reports read at once (at most 2: the server has other work). */
  concurrency?: number;
  log?: (error: unknown) => void;
  /** How a file is read: on the runtime's worker threads in the server (default: in this thread). */
  analyze?: Analyzer;
}

/**
 * Reads the review batches' pending reports in the background (on worker threads when given
 * `analyze` from ReadWorkers, as the server does): at most
 * `concurrency` at once, in upload order; resumes the rows left pending by a restart. Nothing it
 * meets stops the server: each report's failure is stored or logged.
 */
export class ReviewReader {
  private readonly concurrency: number;
  private readonly log: (error: unknown) => void;
  private readonly analyze: Analyzer;
  private readonly busy = new Set<number>();
  /** Reports whose storing failed (a database error): not retried until the next start. */
  private readonly failed = new Set<number>();
  private workers = new Set<Promise<void>>();
  private stopped = true;
  private again = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly db: Database,
    options: ReviewReaderOptions = {},
  ) {
    this.concurrency = Math.max(1, Math.min(2, options.concurrency ?? 2));
    this.log = options.log ?? ((error) => console.error('[gongkai review reader]', error));
    this.analyze = options.analyze ?? analyzeHere;
  }

  /** Starts reading (the pending rows of earlier runs first). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.wake();
  }

  /** New pending rows are there: fill the free workers. */
  wake(): void {
    if (this.stopped) return;
    // A worker about to finish may have looked before these rows were committed: look again after it.
    if (this.workers.size >= this.concurrency) this.again = true;
    while (this.workers.size < this.concurrency) {
      const worker: Promise<void> = this.work()
        .catch((error) => this.log(error))
        .finally(() => {
          this.workers.delete(worker);
          if (this.again && !this.stopped) {
            this.again = false;
            this.wake();
          }
          if (this.workers.size === 0) for (const done of this.waiters.splice(0)) done();
        });
      this.workers.add(worker);
    }
  }

  /** Resolves when nothing is being read (tests wait for a batch's reading). */
  idle(): Promise<void> {
    if (this.workers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops taking new reports and waits for those being read. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.workers]);
  }

  private async next(): Promise<number | undefined> {
    const skip = [...this.busy, ...this.failed];
    const row = (
      await this.db.query<{ id: number }>(
        "select id from review_reports where status = 'pending' and not (id = any($1::int[])) order by id limit 1",
        [skip],
      )
    ).rows[0];
    return row?.id;
  }

  private lock: Promise<unknown> = Promise.resolve();

  /** The next pending report no worker has, claimed (one claim at a time). */
  private claim(): Promise<number | undefined> {
    const claimed = this.lock.then(async () => {
      const id = await this.next();
      if (id !== undefined) this.busy.add(id);
      return id;
    });
    this.lock = claimed.catch(() => undefined);
    return claimed;
  }

  private async work(): Promise<void> {
    while (!this.stopped) {
      const id = await this.claim();
      if (id === undefined) return;
      try {
        await readStored(this.db, id, this.log, this.analyze);
      } catch (error) {
        this.failed.add(id);
        this.log(error);
      } finally {
        this.busy.delete(id);
      }
    }
  }
}
