import type PgBoss from 'pg-boss';
import type { Database } from '../db/index.ts';
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
}

/** The console's long-lived parts in a server process; `close()` stops them. */
export class ReviewRuntime {
  readonly reader: ReviewReader;
  readonly uploadLimits: UploadLimits;
  readonly queueUrl: string | undefined;
  readonly log: (error: unknown) => void;

  constructor(
    readonly db: Database,
    options: ReviewRuntimeOptions = {},
  ) {
    this.reader = new ReviewReader(db, {
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
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

  /** Stops the reader (waiting for the reports being read) and the queue's connection. */
  async close(): Promise<void> {
    await this.reader.stop();
    const boss = this.boss;
    this.boss = undefined;
    if (boss) await (await boss.catch(() => undefined))?.stop({ graceful: false, wait: true });
  }
}
