import type { Database } from '../db/index.ts';
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
  }

  /** Starts the background reader (pending reports of earlier runs first). */
  start(): this {
    this.reader.start();
    return this;
  }

  /** Stops the reader (waiting for the reports being read). */
  async close(): Promise<void> {
    await this.reader.stop();
  }
}
