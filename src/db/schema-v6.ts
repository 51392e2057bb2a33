/**
 * The sixth migration: collected documents and the results of reading them (issue 15).
 *
 * - `crawl_blobs`: fetched bytes, content-addressed by SHA-256 (the same PDF linked from two
 *   pages, or fetched on two sweeps unchanged, is stored once).
 * - `crawl_documents`: one row per URL: the last fetch (time, HTTP status, headers, hash),
 *   what was guessed from the page (title, agency, year, stated publication date) and when the
 *   URL was first and last seen.
 * - `crawl_versions`: every distinct hash a URL has served, with when it was first seen; a
 *   second version of a published report is the evidence of 「发布后修改」.
 * - `crawl_flags`: what a sweep found (changed after publication, published late), once per
 *   document, kind and evidence key.
 * - `analysis_results`: a document read and checked by a given reader version; unique by
 *   (sha256, reader_version), which makes a queue job's store step idempotent.
 *
 * Depends only on the tables of migrations 1–3 (none, in fact).
 */
export const SCHEMA_V6 = `
create table crawl_blobs (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size int not null check (size >= 0),
  content bytea not null,
  stored_at timestamptz not null default now()
);

create table crawl_documents (
  id bigserial primary key,
  url text not null unique,
  kind text not null check (kind in ('listing', 'page', 'attachment')),
  parent_url text,
  title text,
  agency_guess text,
  agency_level text check (agency_level in ('government', 'department')),
  year_guess int check (year_guess between 2000 and 2100),
  stated_date date,
  status int,
  headers jsonb not null default '{}'::jsonb,
  sha256 text references crawl_blobs (sha256),
  error text,
  fetched_at timestamptz not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null
);
create index crawl_documents_year on crawl_documents (year_guess);
create index crawl_documents_sha on crawl_documents (sha256);

create table crawl_versions (
  document_id bigint not null references crawl_documents (id) on delete cascade,
  sha256 text not null references crawl_blobs (sha256),
  first_seen timestamptz not null,
  primary key (document_id, sha256)
);

create table crawl_flags (
  id bigserial primary key,
  document_id bigint not null references crawl_documents (id) on delete cascade,
  kind text not null check (kind in ('changed_after_publication', 'published_late')),
  evidence_key text not null,
  message text not null,
  evidence jsonb not null default '{}'::jsonb,
  flagged_at timestamptz not null default now(),
  unique (document_id, kind, evidence_key)
);

create table analysis_results (
  id bigserial primary key,
  sha256 text not null references crawl_blobs (sha256),
  reader_version text not null,
  url text,
  agency text,
  year int,
  format text,
  ok boolean not null,
  report jsonb,
  cells jsonb,
  findings jsonb,
  provenance jsonb not null default '{}'::jsonb,
  error jsonb,
  job_id text,
  processed_at timestamptz not null default now(),
  unique (sha256, reader_version)
);
create index analysis_results_agency_year on analysis_results (agency, year);
`;
