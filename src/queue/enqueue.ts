import type PgBoss from 'pg-boss';
import type { Database } from '../db/index.ts';
import { type AnalyzeJob, analyzeKey } from './analyze-job.ts';
import { QUEUES } from './boss.ts';
import { READER_VERSION } from './reader-version.ts';

/** The data of a collect job: one site (a report column or a report page). */
export interface CollectJob {
  url: string;
  year?: number;
}

/** Queues a document to read and check (once per hash and reader version while it waits). */
export async function enqueueAnalyze(boss: PgBoss, job: AnalyzeJob): Promise<boolean> {
  const id = await boss.send(QUEUES.analyze, job as unknown as object, { singletonKey: analyzeKey(job) });
  return id !== null;
}

/** Queues sites to collect. */
export async function enqueueCollect(boss: PgBoss, jobs: readonly CollectJob[]): Promise<number> {
  let n = 0;
  for (const job of jobs) if (await boss.send(QUEUES.collect, job as unknown as object, { singletonKey: `${job.url}:${job.year ?? ''}` })) n++;
  return n;
}

/**
 * Queues every stored report document (pages and attachments) that has no result of
 * `readerVersion` yet: after a reader upgrade, the whole collection is read again.
 */
export async function enqueueReprocess(db: Database, boss: PgBoss, readerVersion = READER_VERSION): Promise<number> {
  const rows = (
    await db.query<{ sha256: string; url: string }>(
      `select distinct on (d.sha256) d.sha256, d.url from crawl_documents d
        where d.sha256 is not null and d.kind <> 'listing'
          and not exists (select 1 from analysis_results r where r.sha256 = d.sha256 and r.reader_version = $1)
        order by d.sha256, d.first_seen`,
      [readerVersion],
    )
  ).rows;
  let n = 0;
  for (const r of rows) if (await enqueueAnalyze(boss, { sha256: r.sha256, url: r.url, readerVersion })) n++;
  return n;
}
