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

/** A page of an agency set's applications matching a filter, newest first, with the number matching in all. */
export async function searchApplications(
  db: Queryable,
  actor: Actor,
  agencyIds: readonly number[],
  filter: ApplicationFilter = {},
): Promise<{ total: number; items: ApplicationRow[] }> {
  assertRead(actor, ...agencyIds);
  const params = [
    agencyIds,
    filter.year ?? null,
    filter.open ?? false,
    filter.state ?? null,
    filter.applicantKind ?? null,
    filter.outcome ?? null,
    filter.q?.trim() ? likePattern(filter.q.trim()) : null,
  ];
  const where = `agency_id = any($1::int[])
    and ($2::int is null or (received_on <= make_date($2, 12, 31) and (closed_on is null or closed_on >= make_date($2, 1, 1))))
    and (not $3::boolean or closed_on is null)
    and ($4::text is null or state = $4) and ($5::text is null or applicant_kind = $5) and ($6::text is null or outcome = $6)
    and ($7::text is null or reference ilike $7 or applicant_name ilike $7 or content ilike $7)`;
  const { rows: count } = await db.query<{ n: number }>(`select count(*)::int as n from applications where ${where}`, params);
  const { rows } = await db.query<ApplicationRow>(
    `select id, agency_id as "agencyId", reference, applicant_kind as "applicantKind", applicant_name as "applicantName",
       applicant_contact as "applicantContact", channel, submitted_on::text as "submittedOn", received_on::text as "receivedOn", content, state,
       outcome, closed_on::text as "closedOn", clock_start::text as "clockStart", extension_days as "extensionDays"
     from applications where ${where} order by received_on desc, id desc limit $8 offset $9`,
    [...params, Math.min(filter.limit ?? 50, 500), filter.offset ?? 0],
  );
  return { total: count[0]?.n ?? 0, items: rows };
}
