import { loadBlob } from '../collect/index.ts';
import type { Database } from '../db/index.ts';
import { ReadError } from '../ingest/index.ts';
import { analyze } from '../pipeline/index.ts';
import { reportJson } from '../report/index.ts';

/** The data of an analyze job: a stored document by its content hash. */
export interface AnalyzeJob {
  sha256: string;
  readerVersion: string;
  /** A URL it was fetched from (for provenance and messages). */
  url?: string;
}

/** What one analyze job did. */
export type AnalyzeOutcome = 'stored' | 'already' | 'unreadable';

/** The idempotency key of a job: the content hash and the reader version. */
export function analyzeKey(job: AnalyzeJob): string {
  return `${job.sha256}:${job.readerVersion}`;
}

/**
 * Reads and checks one stored document and stores the result, once: the result row is unique
 * by (sha256, reader version) and inserted in one transaction with `on conflict do nothing`,
 * so a job run twice (its worker died after storing, before acknowledging) changes nothing.
 * A document that is not a readable report is a result too (ok = false, with the reason);
 * anything else throws, and the queue retries the job.
 */
export async function runAnalyzeJob(db: Database, job: AnalyzeJob, jobId: string, hold?: () => Promise<void>): Promise<AnalyzeOutcome> {
  const done = await db.query('select 1 from analysis_results where sha256 = $1 and reader_version = $2', [job.sha256, job.readerVersion]);
  if (done.rows.length) return 'already';
  const bytes = await loadBlob(db, job.sha256);
  if (!bytes) throw new Error(`document ${job.sha256} is not stored`);
  const doc = (
    await db.query<{ url: string; title: string | null; agency_guess: string | null; year_guess: number | null; fetched_at: string }>(
      'select url, title, agency_guess, year_guess, fetched_at from crawl_documents where sha256 = $1 order by first_seen limit 1',
      [job.sha256],
    )
  ).rows[0];
  const name = job.url ?? doc?.url ?? job.sha256;
  let row: unknown[];
  const provenance = { sha256: job.sha256, url: name, fetched_at: doc?.fetched_at ?? null, reader_version: job.readerVersion, job_id: jobId };
  try {
    const a = await analyze(bytes, name);
    const json = reportJson(a.report, a.findings);
    const meta = a.report.meta;
    row = [
      meta.agency ?? doc?.agency_guess ?? null,
      meta.year ?? doc?.year_guess ?? null,
      meta.format ?? null,
      true,
      JSON.stringify(json),
      JSON.stringify(a.report.cells),
      JSON.stringify(a.findings ?? []),
      null,
    ];
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    row = [
      doc?.agency_guess ?? null,
      doc?.year_guess ?? null,
      null,
      false,
      null,
      null,
      null,
      JSON.stringify({ reason: error.reason, reasonEn: error.reasonEn }),
    ];
  }
  await hold?.();
  const inserted = await db.transaction('queue', (tx) =>
    tx.query(
      `insert into analysis_results (sha256, reader_version, url, agency, year, format, ok, report, cells, findings, error, provenance, job_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11::jsonb, $12::jsonb, $13)
       on conflict (sha256, reader_version) do nothing returning id`,
      [job.sha256, job.readerVersion, name, ...row, JSON.stringify(provenance), jobId],
    ),
  );
  if (!inserted.rows.length) return 'already';
  return row[3] ? 'stored' : 'unreadable';
}
