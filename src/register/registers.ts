import { cellSpec, FORMAT_2021 } from '../format/index.ts';
import { AppError, type Database } from '../db/index.ts';
import { mask } from './applications.ts';

/** Sets a table A value of a year (规章/规范性文件 counts, decisions, 行政事业性收费 in 万元). */
export async function setProactive(db: Database, actor: string, agencyId: number, year: number, key: string, value: number): Promise<void> {
  const spec = cellSpec(FORMAT_2021, key);
  if (!spec || spec.table !== 'a') throw new AppError('invalid', `「${key}」不是主动公开情况表的单元格键`);
  if (!(value >= 0) || (spec.column.kind === 'count' && !Number.isInteger(value)))
    throw new AppError('invalid', `「${key}」应为${spec.column.kind === 'count' ? '非负整数' : '非负数'}`);
  await db.transaction(actor, (tx) =>
    tx.query(
      'insert into proactive_stats (agency_id, year, key, value) values ($1, $2, $3, $4) on conflict (agency_id, year, key) do update set value = excluded.value',
      [agencyId, year, key, value],
    ),
  );
}

export type ReviewKind = 'review' | 'suit_direct' | 'suit_after_review';
export type ReviewResult = 'upheld' | 'corrected' | 'other';

/** Records a reconsideration or lawsuit about an answer; it stays pending until closed. */
export async function addReview(
  db: Database,
  actor: string,
  input: { agencyId: number; kind: ReviewKind; filedOn: string; applicationId?: number; note?: string },
): Promise<number> {
  return db.transaction(actor, async (tx) => {
    const { rows } = await tx.query<{ id: number }>(
      'insert into reviews (agency_id, kind, filed_on, application_id, note) values ($1, $2, $3, $4, $5) returning id',
      [input.agencyId, input.kind, input.filedOn, input.applicationId ?? null, input.note ?? ''],
    );
    return (rows[0] as { id: number }).id;
  });
}

/** Closes a reconsideration or lawsuit with its result (维持, 纠正, 其他). */
export async function closeReview(db: Database, actor: string, id: number, result: ReviewResult, closedOn: string): Promise<void> {
  await db.transaction(actor, async (tx) => {
    const { rows } = await tx.query('update reviews set result = $2, closed_on = $3 where id = $1 and result is null returning id', [
      id,
      result,
      closedOn,
    ]);
    if (rows.length === 0) throw new AppError('conflict', `复议或诉讼 ${id} 不存在或已审结`);
  });
}

/** Stores the text of a report section for a year. */
export async function setReportText(db: Database, actor: string, agencyId: number, year: number, section: number, text: string): Promise<void> {
  if (!Number.isInteger(section) || section < 1 || section > 6) throw new AppError('invalid', '章节应为1至6');
  await db.transaction(actor, (tx) =>
    tx.query(
      'insert into report_texts (agency_id, year, section, text) values ($1, $2, $3, $4) on conflict (agency_id, year, section) do update set text = excluded.text',
      [agencyId, year, section, text],
    ),
  );
}

/** Locks a published year: from then on, nothing that would change its report is accepted. */
export async function lockYear(db: Database, actor: string, agencyId: number, year: number): Promise<void> {
  await db.transaction(actor, (tx) =>
    tx.query('insert into year_locks (agency_id, year, actor) values ($1, $2, $3) on conflict do nothing', [agencyId, year, actor]),
  );
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
 * The audit trail: every change to any record, newest first, optionally of one table and row.
 * Applicants' names and contacts are masked unless `personal` is asked for.
 */
export async function auditTrail(
  db: Database,
  filter: { table?: string; rowKey?: string; limit?: number; personal?: boolean } = {},
): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditEntry>(
    `select id, at::text as at, actor, table_name as "tableName", row_key as "rowKey", action, before, after from audit_log
     where ($1::text is null or table_name = $1) and ($2::text is null or row_key = $2) order by id desc limit $3`,
    [filter.table ?? null, filter.rowKey ?? null, filter.limit ?? 100],
  );
  return filter.personal ? rows : rows.map((r) => ({ ...r, before: masked(r.before), after: masked(r.after) }));
}
