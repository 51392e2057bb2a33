import { createHash } from 'node:crypto';
import type { Database } from '../db/index.ts';

/** A fetch to record: what was asked, what came back (or why nothing did), what the page said. */
export interface FetchRecord {
  url: string;
  kind: 'listing' | 'page' | 'attachment';
  parentUrl?: string;
  title?: string;
  agency?: string;
  level?: 'government' | 'department';
  year?: number;
  statedDate?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: Uint8Array;
  error?: string;
  fetchedAt: Date;
}

/** What storing a fetch changed. */
export interface Stored {
  id: number;
  sha256?: string;
  /** The URL had not been seen before. */
  newUrl: boolean;
  /** The URL was seen before with other content. */
  changed: boolean;
}

/** The hex SHA-256 of some bytes: the content address of a document. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Records one fetch in one transaction: the bytes once by hash, the URL's row (first seen kept,
 * last seen and the last fetch updated), and a new version row when the hash is new for the URL.
 * A failed fetch updates the row's error and status but keeps its last good hash.
 */
export async function storeFetch(db: Database, record: FetchRecord): Promise<Stored> {
  const hash = record.body ? sha256(record.body) : undefined;
  return db.transaction('collect', async (tx) => {
    if (record.body && hash) {
      await tx.query('insert into crawl_blobs (sha256, size, content) values ($1, $2, $3) on conflict (sha256) do nothing', [
        hash,
        record.body.length,
        record.body,
      ]);
    }
    const before = (
      await tx.query<{ id: number; sha256: string | null }>('select id, sha256 from crawl_documents where url = $1 for update', [record.url])
    ).rows[0];
    const params = [
      record.url,
      record.kind,
      record.parentUrl ?? null,
      record.title ?? null,
      record.agency ?? null,
      record.level ?? null,
      record.year ?? null,
      record.statedDate ?? null,
      record.status ?? null,
      JSON.stringify(record.headers ?? {}),
      hash ?? null,
      record.error ?? null,
      record.fetchedAt.toISOString(),
    ];
    const row = (
      await tx.query<{ id: number }>(
        `insert into crawl_documents (url, kind, parent_url, title, agency_guess, agency_level, year_guess, stated_date, status, headers, sha256, error, fetched_at, first_seen, last_seen)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $13, $13)
         on conflict (url) do update set
           kind = excluded.kind,
           parent_url = coalesce(excluded.parent_url, crawl_documents.parent_url),
           title = coalesce(excluded.title, crawl_documents.title),
           agency_guess = coalesce(excluded.agency_guess, crawl_documents.agency_guess),
           agency_level = coalesce(excluded.agency_level, crawl_documents.agency_level),
           year_guess = coalesce(excluded.year_guess, crawl_documents.year_guess),
           stated_date = coalesce(crawl_documents.stated_date, excluded.stated_date),
           status = excluded.status,
           headers = case when excluded.sha256 is null then crawl_documents.headers else excluded.headers end,
           sha256 = coalesce(excluded.sha256, crawl_documents.sha256),
           error = excluded.error,
           fetched_at = excluded.fetched_at,
           last_seen = case when excluded.sha256 is null then crawl_documents.last_seen else excluded.last_seen end
         returning id`,
        params,
      )
    ).rows[0] as { id: number };
    const id = Number(row.id);
    if (hash) {
      await tx.query('insert into crawl_versions (document_id, sha256, first_seen) values ($1, $2, $3) on conflict do nothing', [
        id,
        hash,
        record.fetchedAt.toISOString(),
      ]);
    }
    return {
      id,
      ...(hash ? { sha256: hash } : {}),
      newUrl: !before,
      changed: Boolean(before?.sha256 && hash && before.sha256 !== hash),
    };
  });
}

/** The bytes of a stored document by hash, or undefined. */
export async function loadBlob(db: Database, hash: string): Promise<Uint8Array | undefined> {
  const row = (await db.query<{ content: Uint8Array }>('select content from crawl_blobs where sha256 = $1', [hash])).rows[0];
  return row ? new Uint8Array(row.content) : undefined;
}
