import { z } from 'zod';
import type { Database, Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { Severity } from '../report/index.ts';
import { labelsOf, ruleTitle } from './issues.ts';
import { ISSUE_STATUS_NAMES, type IssueStatus } from './types.ts';

/**
 * The agency's side of the workflow (整改通知): staff see the issues assigned to the agencies in
 * their scope, once assigned (整改中, 已反馈, 已归档), with the finding, the report it is in and
 * the due date — and nothing else of the review (no other findings, notes on other issues,
 * figures or the batch) — and answer them.
 */

/** An issue as the assigned agency sees it. */
export interface RectificationItem {
  id: number;
  status: IssueStatus;
  rule: string;
  ruleTitle: string;
  severity: Severity;
  message: string;
  keys: string[];
  cellLabels: string[];
  assignedAgencyId: number;
  assignedAgency: string;
  dueOn: string | null;
  report: { agency: string | null; year: number | null; fileName: string };
  /** What the reviewers asked: the assignment and every return, with their notes, oldest first. */
  requests: { at: string; kind: 'assign' | 'return'; note: string | null }[];
  response: string | null;
  respondedBy: string | null;
  respondedAt: string | null;
  updatedAt: string;
}

const VISIBLE: readonly IssueStatus[] = ['rectifying', 'responded', 'archived'];
const ISO = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

interface Row extends Omit<RectificationItem, 'cellLabels' | 'ruleTitle' | 'report' | 'requests'> {
  format: string | null;
  agency: string | null;
  year: number | null;
  fileName: string;
}

async function items(db: Queryable, scope: readonly number[] | 'all', issueId?: number): Promise<RectificationItem[]> {
  const params: unknown[] = [VISIBLE];
  const where = ['i.status = any($1)', 'i.assigned_agency_id is not null'];
  if (scope !== 'all') where.push(`i.assigned_agency_id = any($${params.push(scope)}::int[])`);
  if (issueId !== undefined) where.push(`i.id = $${params.push(issueId)}`);
  const { rows } = await db.query<Row>(
    `select i.id, i.status, i.rule, i.severity, i.message, i.keys, i.assigned_agency_id as "assignedAgencyId", a.name as "assignedAgency",
       i.due_on as "dueOn", i.response, i.responded_by as "respondedBy", ${ISO('i.responded_at')} as "respondedAt",
       ${ISO('i.updated_at')} as "updatedAt", r.report->'meta'->>'format' as format, coalesce(t.name, r.agency) as agency, r.year,
       r.file_name as "fileName"
     from review_issues i join review_reports r on r.id = i.report_id join agencies a on a.id = i.assigned_agency_id
     left join agencies t on t.id = r.target_agency_id
     where ${where.join(' and ')}
     order by case i.status when 'rectifying' then 0 when 'responded' then 1 else 2 end, i.due_on nulls last, i.id`,
    params,
  );
  if (rows.length === 0) return [];
  const events = (
    await db.query<{ issue_id: number; at: string; from_status: IssueStatus; note: string | null }>(
      `select issue_id, ${ISO('at')} as at, from_status, note from review_issue_events
       where issue_id = any($1::int[]) and to_status = 'rectifying' order by id`,
      [rows.map((r) => r.id)],
    )
  ).rows;
  return rows.map(({ format, agency, year, fileName, ...row }) => ({
    ...row,
    ruleTitle: ruleTitle(row.rule),
    cellLabels: labelsOf(row.keys, format),
    report: { agency, year, fileName },
    requests: events
      .filter((e) => e.issue_id === row.id)
      .map((e) => ({ at: e.at, kind: e.from_status === 'confirmed' ? ('assign' as const) : ('return' as const), note: e.note })),
  }));
}

/** The issues assigned to agencies in the scope (整改中 first, then by due date). */
export function listRectification(db: Queryable, scope: readonly number[] | 'all'): Promise<RectificationItem[]> {
  return items(db, scope);
}

export const RESPONSE_MAX = 5000;
/** The agency's response as the API takes it. */
export const responseInput = z.object({
  response: z.string({ error: '请填写整改情况' }).trim().min(1, '请填写整改情况').max(RESPONSE_MAX, `整改情况不能超过${RESPONSE_MAX}字`),
});

/**
 * The agency's response to an issue assigned to it (整改中 → 已反馈), in one transaction with the
 * user as actor. An issue not assigned to an agency in the scope is `not_found`.
 */
export async function respondToIssue(
  db: Database,
  user: { username: string; scope: readonly number[] | 'all' },
  issueId: number,
  response: string,
): Promise<RectificationItem> {
  return db.transaction(user.username, async (tx) => {
    const row = (
      await tx.query<{ status: IssueStatus; assigned_agency_id: number | null }>(
        'select status, assigned_agency_id from review_issues where id = $1 for update',
        [issueId],
      )
    ).rows[0];
    const visible =
      row && row.assigned_agency_id !== null && VISIBLE.includes(row.status) && (user.scope === 'all' || user.scope.includes(row.assigned_agency_id));
    if (!row || !visible) throw new AppError('not_found', `没有交办给您的这个问题：${issueId}`);
    if (row.status !== 'rectifying')
      throw new AppError(
        'conflict',
        `问题当前为「${ISSUE_STATUS_NAMES[row.status]}」，只有「${ISSUE_STATUS_NAMES.rectifying}」的问题可以反馈整改情况`,
        {
          status: row.status,
        },
      );
    await tx.query(
      `update review_issues set status = 'responded', response = $2, responded_by = $3, responded_at = now(), updated_by = $3, updated_at = now()
       where id = $1`,
      [issueId, response, user.username],
    );
    await tx.query("insert into review_issue_events (issue_id, actor, from_status, to_status, note) values ($1, $2, 'rectifying', 'responded', $3)", [
      issueId,
      user.username,
      response,
    ]);
    const [item] = await items(tx, user.scope, issueId);
    return item as RectificationItem;
  });
}
