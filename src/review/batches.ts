import type { Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { BatchSummary, IssueStatus } from './types.ts';

const ISSUE_STATUSES: readonly IssueStatus[] = ['open', 'confirmed', 'dismissed', 'rectifying', 'responded', 'archived'];

interface BatchRow {
  id: number;
  name: string;
  year: number | null;
  owner_agency_id: number | null;
  owner_agency: string | null;
  created_by: string;
  created_at: Date | string;
  archived_at: Date | string | null;
  total: number;
  pending: number;
  read: number;
  unreadable: number;
  errors: number;
  warnings: number;
  issues: Record<string, number> | null;
}

// Counts by subqueries per batch: a list of batches is short, each batch's reports many.
const SELECT = `
  select b.id, b.name, b.year, b.owner_agency_id, a.name as owner_agency, b.created_by, b.created_at, b.archived_at,
         coalesce(r.total, 0)::int as total, coalesce(r.pending, 0)::int as pending, coalesce(r.read, 0)::int as read,
         coalesce(r.unreadable, 0)::int as unreadable, coalesce(r.errors, 0)::int as errors, coalesce(r.warnings, 0)::int as warnings,
         i.issues
    from review_batches b
    left join agencies a on a.id = b.owner_agency_id
    left join lateral (
      select count(*) as total, count(*) filter (where status = 'pending') as pending, count(*) filter (where status = 'read') as read,
             count(*) filter (where status = 'unreadable') as unreadable, sum(errors) as errors, sum(warnings) as warnings
        from review_reports where batch_id = b.id) r on true
    left join lateral (
      select jsonb_object_agg(status, n) as issues from (
        select i.status, count(*)::int as n from review_issues i join review_reports rr on rr.id = i.report_id
         where rr.batch_id = b.id and i.present group by i.status) s) i on true`;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function summary(row: BatchRow): BatchSummary {
  const issues = Object.fromEntries(ISSUE_STATUSES.map((s) => [s, row.issues?.[s] ?? 0])) as Record<IssueStatus, number>;
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    ownerAgencyId: row.owner_agency_id,
    ownerAgency: row.owner_agency,
    createdBy: row.created_by,
    createdAt: iso(row.created_at) as string,
    archivedAt: iso(row.archived_at),
    reports: { total: row.total, pending: row.pending, read: row.read, unreadable: row.unreadable },
    findings: { errors: row.errors, warnings: row.warnings },
    issues,
  };
}

/** The batches whose owner is in the scope, newest first. */
export async function listBatches(db: Queryable, scope: readonly number[] | 'all'): Promise<BatchSummary[]> {
  const rows =
    scope === 'all'
      ? await db.query<BatchRow>(`${SELECT} order by b.created_at desc, b.id desc`)
      : await db.query<BatchRow>(`${SELECT} where b.owner_agency_id = any($1::int[]) order by b.created_at desc, b.id desc`, [[...scope]]);
  return rows.rows.map(summary);
}

/** One batch with its counts (the caller has checked the scope). */
export async function getBatch(db: Queryable, id: number): Promise<BatchSummary> {
  const row = (await db.query<BatchRow>(`${SELECT} where b.id = $1`, [id])).rows[0];
  if (!row) throw new AppError('not_found', `没有这个审阅批次：${id}`);
  return summary(row);
}

/** A new batch owned by the reviewer's agency (none: the whole register's). */
export async function createBatch(
  tx: Queryable,
  input: { name: string; year?: number | null; ownerAgencyId: number | null; createdBy: string },
): Promise<number> {
  const name = input.name.trim();
  if (name === '') throw new AppError('invalid', '批次名称不能为空');
  if (name.length > 200) throw new AppError('invalid', '批次名称不能超过200字');
  const row = (
    await tx.query<{ id: number }>('insert into review_batches (owner_agency_id, name, year, created_by) values ($1, $2, $3, $4) returning id', [
      input.ownerAgencyId,
      name,
      input.year ?? null,
      input.createdBy,
    ])
  ).rows[0] as { id: number };
  return row.id;
}
