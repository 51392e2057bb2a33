import type PgBoss from 'pg-boss';
import { collect, Fetcher } from '../collect/index.ts';
import type { Database } from '../db/index.ts';
import { type AnalyzeJob, type AnalyzeOutcome, runAnalyzeJob } from './analyze-job.ts';
import { QUEUES } from './boss.ts';
import { type CollectJob, enqueueAnalyze } from './enqueue.ts';
import { READER_VERSION } from './reader-version.ts';

/** How a worker process runs. */
export interface WorkerOptions {
  /** Analyze jobs run at once in this process (default 1: reading is CPU-bound). */
  concurrency?: number;
  /** Seconds between polls of an empty queue (default 1). */
  pollSeconds?: number;
  /** Called after each job. */
  onJob?: (queue: string, id: string, outcome: AnalyzeOutcome | 'collected' | 'failed', detail?: string) => void;
  /** Waits between reading and storing (tests and the bench simulate slow documents with it). */
  hold?: () => Promise<void>;
  fetcher?: Fetcher;
}

/**
 * Subscribes this process to the queues: collect jobs (crawl one site, store, queue what to
 * read) and analyze jobs (read, check, store results). Returns a function that stops taking
 * jobs and waits for those running.
 */
export async function startWorker(db: Database, boss: PgBoss, options: WorkerOptions = {}): Promise<() => Promise<void>> {
  const fetcher = options.fetcher ?? new Fetcher();
  const pollingIntervalSeconds = options.pollSeconds ?? 1;
  const report = options.onJob ?? (() => undefined);
  const analyzeOne = async ([job]: PgBoss.Job<AnalyzeJob>[]) => {
    if (!job) return;
    try {
      const outcome = await runAnalyzeJob(db, job.data, job.id, options.hold);
      report(QUEUES.analyze, job.id, outcome);
      return { outcome };
    } catch (error) {
      report(QUEUES.analyze, job.id, 'failed', (error as Error).message);
      throw error;
    }
  };
  for (let i = 0; i < (options.concurrency ?? 1); i++) {
    // pg-boss 10 waits out the polling interval even after a job; notifying the worker makes it
    // fetch the next one at once while there is work (measured: 2 jobs/s → the reader's speed).
    let id = '';
    id = await boss.work<AnalyzeJob>(QUEUES.analyze, { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
      const result = await analyzeOne(jobs);
      if (id) boss.notifyWorker(id);
      return result;
    });
  }
  await boss.work<CollectJob>(QUEUES.collect, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
    if (!job) return;
    const summary = await collect(db, fetcher, [job.data.url], {
      ...(job.data.year ? { year: job.data.year } : {}),
      onStored: async (record, stored) => {
        if (stored.sha256 && record.kind !== 'listing') {
          await enqueueAnalyze(boss, { sha256: stored.sha256, url: record.url, readerVersion: READER_VERSION });
        }
      },
    });
    report(QUEUES.collect, job.id, 'collected', `${summary.pages + summary.attachments}`);
    return { pages: summary.pages, attachments: summary.attachments, failures: summary.failures.length };
  });
  return async () => {
    await boss.offWork(QUEUES.analyze);
    await boss.offWork(QUEUES.collect);
    if (!options.fetcher) await fetcher.close();
  };
}
