import type PgBoss from 'pg-boss';
import type { Database } from '../db/index.ts';
import { ReadWorkers } from '../pipeline/index.ts';
import type { QueueStatus } from '../queue/status.ts';
import { ReviewReader } from './reader.ts';
import { UPLOAD_LIMITS, type UploadLimits } from './upload.ts';

/** What the reviewer console keeps running in the server: the background reader, upload limits. */
export interface ReviewRuntimeOptions {
  /** Reports read at once in the background (at most 2). */
  concurrency?: number;
  uploadLimits?: Partial<UploadLimits>;
  /** The PostgreSQL server of the collection queue (DATABASE_URL), for its status. */
  queueUrl?: string;
  log?: (error: unknown) => void;
  /** Longest a background read may take (default 15 minutes: a long scan is read by OCR). */
  readTimeoutMs?: number;
  /** Longest a read for `POST /api/analyze` may take (default 110 s, inside the server's request timeout). */
  analyzeTimeoutMs?: number;
}

/**
 * The server's long-lived parts: the reviewer console's background reader and the worker threads
 * every read of an uploaded file runs on (so the server's event loop is never blocked by a large
 * PDF or a scan, and a hostile file meets a time and heap limit); `close()` stops them.
 */
export class ReviewRuntime {
  readonly reader: ReviewReader;
  /** The background reader's workers. */
  readonly reading: ReadWorkers;
  /** The workers of reads a user waits for (`POST /api/analyze`), apart so a large batch never delays them. */
  readonly analyzing: ReadWorkers;
  readonly uploadLimits: UploadLimits;
  readonly queueUrl: string | undefined;
  readonly log: (error: unknown) => void;

  constructor(
    readonly db: Database,
    options: ReviewRuntimeOptions = {},
  ) {
    const concurrency = Math.max(1, Math.min(2, options.concurrency ?? 2));
    this.reading = new ReadWorkers({ workers: concurrency, timeoutMs: options.readTimeoutMs ?? 15 * 60_000 });
    this.analyzing = new ReadWorkers({ workers: 2, timeoutMs: options.analyzeTimeoutMs ?? 110_000 });
    this.reader = new ReviewReader(db, {
      concurrency,
      analyze: this.reading.analyze,
      ...(options.log ? { log: options.log } : {}),
    });
    this.uploadLimits = { ...UPLOAD_LIMITS, ...options.uploadLimits };
    this.queueUrl = options.queueUrl;
    this.log = options.log ?? ((error: unknown) => console.error('[gongkai review]', error));
  }

  /** Starts the background reader (pending reports of earlier runs first). */
  start(): this {
    this.reader.start();
    return this;
  }

  private boss: Promise<PgBoss> | undefined;

  /**
   * The collection queue's progress (issue 15) when the database is a PostgreSQL server with
   * the queue's address; else why there is none. The queue's connection is opened on first use.
   */
  async queue(): Promise<({ enabled: true } & QueueStatus) | { enabled: false; reason: string }> {
    if (this.db.kind !== 'postgres' || !this.queueUrl) return { enabled: false, reason: '采集队列需要 PostgreSQL 服务器（DATABASE_URL）' };
    const { openBoss, queueStatus } = await import('../queue/index.ts');
    const url = this.queueUrl;
    this.boss ??= openBoss(url).catch((error: unknown) => {
      this.boss = undefined;
      throw error;
    });
    return { enabled: true, ...(await queueStatus(this.db, await this.boss)) };
  }

  /** Stops the reader and its workers (reports being read stay pending) and the queue's connection. */
  async close(): Promise<void> {
    // The workers stop first: a report being read stays pending and is read after a restart,
    // so a long scan never holds the shutdown.
    const stopped = this.reader.stop();
    await Promise.all([this.reading.close(), this.analyzing.close()]);
    await stopped;
    const boss = this.boss;
    this.boss = undefined;
    if (boss) await (await boss.catch(() => undefined))?.stop({ graceful: false, wait: true });
  }
}
