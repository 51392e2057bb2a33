import type { Database, Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { cellSpec, FORMAT_2021 } from '../format/index.ts';
import { type Actor, assertAdmin, assertRead, assertWrite } from './actor.ts';
import { mask } from './applications.ts';

/**
 * Sets table A values of a year (规章/规范性文件 counts, decisions, 行政事业性收费 in 万元), all
 * or none: every key and value is checked first.
 */
export async function setProactive(db: Database, actor: Actor, agencyId: number, year: number, values: Record<string, number>): Promise<void> {
  assertWrite(actor, agencyId);
  const problems: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const spec = cellSpec(FORMAT_2021, key);
    if (!spec || spec.table !== 'a') problems.push(`「${key}」不是主动公开情况表（表二）的单元格键`);
    else if (!(value >= 0) || (spec.column.kind === 'count' && !Number.isInteger(value)))
      problems.push(`「${key}」应为${spec.column.kind === 'count' ? '非负整数' : '非负数'}，实为 ${value}`);
  }
  if (problems.length) throw new AppError('invalid', problems.join('；'), { problems });
  await db.transaction(actor.userId, async (tx) => {
    for (const [key, value] of Object.entries(values)) {
      await tx.query(
        'insert into proactive_stats (agency_id, year, key, value) values ($1, $2, $3, $4) on conflict (agency_id, year, key) do update set value = excluded.value',
        [agencyId, year, key, value],
      );
    }
  });
}

/** The table A values stored for an agency's year, by cell key. */
export async function getProactive(db: Queryable, actor: Actor, agencyId: number, year: number): Promise<Record<string, number>> {
  assertRead(actor, agencyId);
  const { rows } = await db.query<{ key: string; value: number }>('select key, value from proactive_stats where agency_id = $1 and year = $2', [
    agencyId,
    year,
  ]);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export type ReviewKind = 'review' | 'suit_direct' | 'suit_after_review';
export type ReviewResult = 'upheld' | 'corrected' | 'other';

/** The standard's names of the kinds of table C rows and of its results. */
export const REVIEW_KINDS: Record<ReviewKind, string> = { review: '行政复议', suit_direct: '未经复议直接起诉', suit_after_review: '复议后起诉' };
export const REVIEW_RESULTS: Record<ReviewResult, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果' };

export interface ReviewRow {
  id: number;
  agencyId: number;
  applicationId: number | null;
  kind: ReviewKind;
  filedOn: string;
  result: ReviewResult | null;
  closedOn: string | null;
  note: string;
}

/** Records a reconsideration or lawsuit about an answer; it stays pending (尚未审结) until closed. */
export async function addReview(
  db: Database,
  actor: Actor,
  input: { agencyId: number; kind: ReviewKind; filedOn: string; applicationId?: number; note?: string },
): Promise<number> {
  assertWrite(actor, input.agencyId);
  if (!(input.kind in REVIEW_KINDS)) throw new AppError('invalid', `类型应为：${Object.values(REVIEW_KINDS).join('、')}`);
  return db.transaction(actor.userId, async (tx) => {
    const { rows } = await tx.query<{ id: number }>(
      'insert into reviews (agency_id, kind, filed_on, application_id, note) values ($1, $2, $3, $4, $5) returning id',
      [input.agencyId, input.kind, input.filedOn, input.applicationId ?? null, input.note ?? ''],
    );
    return (rows[0] as { id: number }).id;
  });
}

/** Closes a reconsideration or lawsuit with its result (维持, 纠正, 其他). */
export async function closeReview(db: Database, actor: Actor, id: number, result: ReviewResult, closedOn: string): Promise<void> {
  if (!(result in REVIEW_RESULTS)) throw new AppError('invalid', `结果应为：${Object.values(REVIEW_RESULTS).join('、')}`);
  await db.transaction(actor.userId, async (tx) => {
    const { rows: found } = await tx.query<{ agencyId: number }>('select agency_id as "agencyId" from reviews where id = $1', [id]);
    if (!found[0]) throw new AppError('not_found', `没有编号为 ${id} 的行政复议或行政诉讼`, { id });
    assertWrite(actor, found[0].agencyId);
    const { rows } = await tx.query('update reviews set result = $2, closed_on = $3 where id = $1 and result is null returning id', [
      id,
      result,
      closedOn,
    ]);
    if (rows.length === 0) throw new AppError('conflict', `行政复议或行政诉讼 ${id} 已审结`, { id });
  });
}

/** The reconsiderations and lawsuits of some agencies (filed in a year, when given), in order of filing. */
export async function listReviews(db: Queryable, actor: Actor, agencyIds: readonly number[], year?: number): Promise<ReviewRow[]> {
  assertRead(actor, ...agencyIds);
  const { rows } = await db.query<ReviewRow>(
    `select id, agency_id as "agencyId", application_id as "applicationId", kind, filed_on::text as "filedOn", result, closed_on::text as "closedOn", note
     from reviews where agency_id = any($1::int[]) and ($2::int is null or extract(year from filed_on) = $2) order by filed_on, id`,
    [agencyIds, year ?? null],
  );
  return rows;
}

/** Stores the text of a report section (1–6) for a year. */
export async function setReportText(db: Database, actor: Actor, agencyId: number, year: number, section: number, text: string): Promise<void> {
  assertWrite(actor, agencyId);
  if (!Number.isInteger(section) || section < 1 || section > 6) throw new AppError('invalid', '章节应为1至6');
  await db.transaction(actor.userId, (tx) =>
    tx.query(
      'insert into report_texts (agency_id, year, section, text) values ($1, $2, $3, $4) on conflict (agency_id, year, section) do update set text = excluded.text',
      [agencyId, year, section, text],
    ),
  );
}

/** The stored section texts of an agency's year, by section number. */
export async function getReportTexts(db: Queryable, actor: Actor, agencyId: number, year: number): Promise<Record<number, string>> {
  assertRead(actor, agencyId);
  const { rows } = await db.query<{ section: number; text: string }>('select section, text from report_texts where agency_id = $1 and year = $2', [
    agencyId,
    year,
  ]);
  return Object.fromEntries(rows.map((r) => [r.section, r.text]));
}

/** Locks a published year: from then on, nothing that would change its report is accepted. */
export async function lockYear(db: Database, actor: Actor, agencyId: number, year: number): Promise<void> {
  assertWrite(actor, agencyId);
  await db.transaction(actor.userId, (tx) =>
    tx.query('insert into year_locks (agency_id, year, actor) values ($1, $2, $3) on conflict do nothing', [agencyId, year, actor.userId]),
  );
}

/** True when the year of an agency is published (locked on the agency itself or on an agency above it). */
export async function isYearLocked(db: Queryable, actor: Actor, agencyId: number, year: number): Promise<boolean> {
  assertRead(actor, agencyId);
  const { rows } = await db.query<{ locked: boolean }>('select exists (select 1 from gongkai_locked_years($1) y where y = $2) as locked', [
    agencyId,
    year,
  ]);
  return rows[0]?.locked ?? false;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  tableName: string;
  rowKey: string;
  action: string;
  before: unknown;
  after: unknown;
}

const PERSONAL = ['applicant_name', 'applicant_contact'];

function masked(row: unknown): unknown {
  if (!row || typeof row !== 'object') return row;
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const key of PERSONAL) if (typeof out[key] === 'string' && out[key]) out[key] = mask(out[key] as string);
  return out;
}

/**
 * The audit trail: every change to any record, newest first; of one table and row, or of one
 * application (the application, its events, letters and attachments); by actor and days. Applicants' names and contacts are masked
 * unless `personal` is asked for. The whole trail is for administrators; an application's for
 * whoever may read it.
 */
export async function auditTrail(
  db: Queryable,
  actor: Actor,
  filter: {
    table?: string;
    rowKey?: string;
    applicationId?: number;
    /** Entries whose actor contains this text. */
    actor?: string;
    /** Entries on or after this day, and on or before `to` (YYYY-MM-DD, in the database session's time zone, as `at` is shown). */
    from?: string;
    to?: string;
    limit?: number;
    personal?: boolean;
  } = {},
): Promise<AuditEntry[]> {
  if (filter.applicationId !== undefined) {
    const { rows } = await db.query<{ agencyId: number }>('select agency_id as "agencyId" from applications where id = $1', [filter.applicationId]);
    if (!rows[0]) throw new AppError('not_found', `没有内部编号为 ${filter.applicationId} 的申请`);
    assertRead(actor, rows[0].agencyId);
  } else assertAdmin(actor);
  const { rows } = await db.query<AuditEntry>(
    `select id, at::text as at, actor, table_name as "tableName", row_key as "rowKey", action, before, after from audit_log
     where ($1::text is null or table_name = $1) and ($2::text is null or row_key = $2)
       and ($4::int is null or (table_name = 'applications' and row_key = $4::text)
            or (table_name in ('application_events', 'letters', 'attachments') and coalesce(after, before)->>'application_id' = $4::text))
       and ($5::text is null or strpos(actor, $5) > 0)
       and ($6::date is null or at >= $6::date) and ($7::date is null or at < $7::date + 1)
     order by id desc limit $3`,
    [
      filter.table ?? null,
      filter.rowKey ?? null,
      filter.limit ?? 100,
      filter.applicationId ?? null,
      filter.actor?.trim() || null,
      filter.from ?? null,
      filter.to ?? null,
    ],
  );
  return filter.personal ? rows : rows.map((r) => ({ ...r, before: masked(r.before), after: masked(r.after) }));
}
