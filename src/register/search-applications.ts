import type { Queryable } from '../db/index.ts';
import { type Actor, assertRead } from './actor.ts';
import type { ApplicationRow } from './applications.ts';
import type { CaseState } from './lifecycle.ts';

/** What a list of applications can be narrowed to; every field optional. */
export interface ApplicationFilter {
  /** Words searched in the 编号, the applicant's name and the content (as typed: no wildcards). */
  q?: string;
  /** Counts in this year's report (received by its end, open at its start or later). */
  year?: number;
  open?: boolean;
  state?: CaseState;
  applicantKind?: string;
  outcome?: string;
  limit?: number;
  offset?: number;
}

// `%`, `_` and `\` typed by a user are searched for, not interpreted.
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Counts above this are not counted to the end: the list says 「1000 件以上」 and pages on. */
export const COUNT_CAP = 1000;

const COLUMNS = `id, agency_id as "agencyId", reference, applicant_kind as "applicantKind", applicant_name as "applicantName",
  applicant_contact as "applicantContact", channel, submitted_on::text as "submittedOn", received_on::text as "receivedOn", content, state,
  outcome, closed_on::text as "closedOn", clock_start::text as "clockStart", extension_days as "extensionDays"`;

/**
 * A page of an agency set's applications matching a filter, newest first, with the number
 * matching: exact up to COUNT_CAP (`totalExact`), else COUNT_CAP + 1 (more than the cap).
 *
 * Built for a register of 100,000 cases and more (schema v5's indexes): only the conditions
 * given are in the query (so the planner sees each one); the page's ids come from the list
 * index alone before the 50 rows are read; the search goes through the trigram index
 * (a substring of the 编号, the applicant or the content).
 */
export async function searchApplications(
  db: Queryable,
  actor: Actor,
  agencyIds: readonly number[],
  filter: ApplicationFilter = {},
): Promise<{ total: number; totalExact: boolean; items: ApplicationRow[] }> {
  assertRead(actor, ...agencyIds);
  const params: unknown[] = [agencyIds];
  const where = ['agency_id = any($1::int[])'];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.year !== undefined) {
    const y = param(filter.year);
    where.push(`received_on <= make_date(${y}::int, 12, 31) and (closed_on is null or closed_on >= make_date(${y}::int, 1, 1))`);
  }
  if (filter.open) where.push('closed_on is null');
  if (filter.state) where.push(`state = ${param(filter.state)}`);
  if (filter.applicantKind) where.push(`applicant_kind = ${param(filter.applicantKind)}`);
  if (filter.outcome) where.push(`outcome = ${param(filter.outcome)}`);
  // Control characters are not searched for: the fields are joined with U+0001 (schema v5's trigram index).
  const q = filter.q?.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (q) where.push(`(coalesce(reference, '') || E'\\x01' || applicant_name || E'\\x01' || content) ilike ${param(likePattern(q))}`);
  const condition = where.join(' and ');
  const { rows: count } = await db.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from applications where ${condition} limit ${COUNT_CAP + 1}) s`,
    params,
  );
  const total = count[0]?.n ?? 0;
  const limit = Math.min(filter.limit ?? 50, 500);
  const offset = filter.offset ?? 0;
  const { rows } = await db.query<ApplicationRow>(
    `select ${COLUMNS} from applications where id in (
       select id from applications where ${condition} order by received_on desc, id desc limit ${param(limit)} offset ${param(offset)})
     order by received_on desc, id desc`,
    params,
  );
  return { total, totalExact: total <= COUNT_CAP, items: rows };
}
