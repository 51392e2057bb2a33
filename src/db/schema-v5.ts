/**
 * The fifth migration: indexes for the case list of a large register (100,000 cases and more),
 * depending only on the v1 tables.
 *
 * - The list is ordered newest first by (received_on, id) over the agencies in scope: one index
 *   in that order that also holds agency_id, so a page, a capped count and a deep offset are
 *   read from the index alone; a partial one for the open cases (「未办结」).
 * - The search (`q`, a substring of the 编号, the applicant or the content) uses trigram
 *   indexes when the pg_trgm extension is available (PGlite loads it; on a PostgreSQL server it
 *   ships with the server's contrib package and is a trusted extension); without it the search
 *   still works, scanning. The fields are joined with U+0001, which a search never holds, so a
 *   match never spans two fields.
 */
export const SCHEMA_V5 = `
create index applications_list on applications (received_on, id, agency_id);
create index applications_open_list on applications (received_on, id, agency_id) where closed_on is null;

do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
    create extension if not exists pg_trgm;
    create index applications_search on applications using gin ((coalesce(reference, '') || E'\\x01' || applicant_name || E'\\x01' || content) gin_trgm_ops);
  end if;
end $$;
`;
