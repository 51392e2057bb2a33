import { z } from 'zod';
import type { Database, Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { type BatchIssue, issueView } from './issues.ts';
import { matchAgency } from './reader.ts';
import { ISSUE_STATUS_NAMES, type IssueStatus } from './types.ts';

/**
 * The reviewers' workflow of an issue: 待审核 → 已确认 | 已排除; 已确认 → 整改中 (assigned to an
 * agency with a due date) → 已反馈 (the agency's response, `rectification.ts`) → 已归档, or back to
 * 整改中. Each transition is one transaction with the user as actor and one
 * `review_issue_events` row.
 *
 * Issues the checks no longer find (`present` false, after a correction) cannot be confirmed
 * nor assigned: nothing is left to rectify. They can still be dismissed with a note (「更正后不再
 * 存在」), reopened, and, once in rectification, accepted or returned as usual.
 */
export const ISSUE_ACTIONS = {
  confirm: { name: '确认', from: ['open'], to: 'confirmed' },
  dismiss: { name: '排除', from: ['open'], to: 'dismissed' },
  reopen: { name: '重新审核', from: ['confirmed', 'dismissed'], to: 'open' },
  assign: { name: '交办整改', from: ['confirmed'], to: 'rectifying' },
  accept: { name: '验收归档', from: ['responded'], to: 'archived' },
  return: { name: '退回整改', from: ['responded'], to: 'rectifying' },
} as const satisfies Record<string, { name: string; from: readonly IssueStatus[]; to: IssueStatus }>;

export type IssueAction = keyof typeof ISSUE_ACTIONS;

const NOTE_MAX = 2000;
const optionalNote = z
  .string()
  .trim()
  .max(NOTE_MAX, `说明不能超过${NOTE_MAX}字`)
  .optional()
  .transform((v) => v || undefined);
const requiredNote = (message: string) => z.string({ error: message }).trim().min(1, message).max(NOTE_MAX, `说明不能超过${NOTE_MAX}字`);
const agencyId = z.number({ error: '整改机关应为机关编号' }).int('整改机关应为机关编号').positive('整改机关应为机关编号').max(2_147_483_647);
const dueOn = z.iso.date({ error: '整改期限应为 YYYY-MM-DD 格式的有效日期' });

const actionNames = Object.entries(ISSUE_ACTIONS)
  .map(([k, v]) => `${k}（${v.name}）`)
  .join('、');

/** A transition as the API takes it: the action and what it needs. */
export const transitionInput = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('confirm'), note: optionalNote }),
    z.object({ action: z.literal('dismiss'), note: requiredNote('排除问题须说明理由') }),
    z.object({ action: z.literal('reopen'), note: optionalNote }),
    z.object({
      action: z.literal('assign'),
      note: optionalNote,
      agencyId: agencyId.optional(),
      dueOn: z.iso.date({ error: '交办整改须填写整改期限（YYYY-MM-DD 格式的有效日期）' }),
    }),
    z.object({ action: z.literal('accept'), note: optionalNote }),
    z.object({ action: z.literal('return'), note: requiredNote('退回整改须说明理由'), dueOn: dueOn.optional() }),
  ],
  { error: `操作应为：${actionNames}` },
);
export type TransitionInput = z.output<typeof transitionInput>;

/** Who acts: the user's name (the audit trail's actor) and their scope (the agencies they may assign to). */
export interface IssueActor {
  username: string;
  scope: readonly number[] | 'all';
}

interface Locked {
  status: IssueStatus;
  present: boolean;
  assigned_agency_id: number | null;
  target_agency_id: number | null;
  agency: string | null;
  archived_at: string | null;
}

/** The agency an issue is assigned to: the one given, else the report's (matched by name, as the reader does, when it was not). */
async function assignee(tx: Queryable, issue: Locked, given: number | undefined, actor: IssueActor): Promise<number> {
  let agencyId = given ?? issue.target_agency_id;
  if (agencyId === undefined || agencyId === null) {
    agencyId = await matchAgency(tx, issue.agency);
    if (agencyId === null) throw new AppError('invalid', `报告的机关「${issue.agency ?? '未识别'}」不在机关名录中，请指定整改机关`);
  }
  const agency = (await tx.query<{ name: string }>('select name from agencies where id = $1', [agencyId])).rows[0];
  if (!agency) throw new AppError('invalid', `没有编号为 ${agencyId} 的机关`);
  if (actor.scope !== 'all' && !actor.scope.includes(agencyId))
    throw new AppError('forbidden', `只能交办给本级或下级机关，「${agency.name}」不在您的管辖范围内`);
  return agencyId;
}

/**
 * Applies a transition to an issue (whose batch the caller has checked is in the user's scope):
 * illegal ones are `conflict` naming the statuses, and everything is one transaction.
 */
export async function transitionIssue(db: Database, actor: IssueActor, issueId: number, input: TransitionInput, today: string): Promise<BatchIssue> {
  return db.transaction(actor.username, async (tx) => {
    const issue = (
      await tx.query<Locked>(
        `select i.status, i.present, i.assigned_agency_id, r.target_agency_id, r.agency, b.archived_at::text as archived_at
         from review_issues i join review_reports r on r.id = i.report_id join review_batches b on b.id = r.batch_id
         where i.id = $1 for update of i`,
        [issueId],
      )
    ).rows[0];
    if (!issue) throw new AppError('not_found', `没有这个问题：${issueId}`);
    const rule = ISSUE_ACTIONS[input.action];
    const from = issue.status;
    if (issue.archived_at) throw new AppError('conflict', '审阅批次已归档，不能再办理其中的问题');
    if (!(rule.from as readonly IssueStatus[]).includes(from)) {
      const allowed = rule.from.map((s) => `「${ISSUE_STATUS_NAMES[s]}」`).join('或');
      throw new AppError('conflict', `问题当前为「${ISSUE_STATUS_NAMES[from]}」，不能${rule.name}：只有${allowed}的问题可以${rule.name}`, {
        status: from,
        action: input.action,
      });
    }
    if (!issue.present && (input.action === 'confirm' || input.action === 'assign'))
      throw new AppError('conflict', `检查已不再发现这个问题（单元格已更正），不能${rule.name}；可以排除或重新审核`, { present: false });

    let assigned = issue.assigned_agency_id;
    let due: string | undefined;
    if (input.action === 'assign') {
      assigned = await assignee(tx, issue, input.agencyId, actor);
      due = input.dueOn;
    } else if (input.action === 'return') due = input.dueOn;
    if (due !== undefined && due < today) throw new AppError('invalid', `整改期限 ${due} 早于今天（${today}）`);

    await tx.query(
      `update review_issues set status = $2, note = $3, assigned_agency_id = $4, due_on = coalesce($5::date, due_on),
         updated_by = $6, updated_at = now() where id = $1`,
      [issueId, rule.to, input.note ?? null, assigned, due ?? null, actor.username],
    );
    await tx.query('insert into review_issue_events (issue_id, actor, from_status, to_status, note) values ($1, $2, $3, $4, $5)', [
      issueId,
      actor.username,
      from,
      rule.to,
      input.note ?? null,
    ]);
    return issueView(tx, issueId);
  });
}

/** An issue's transitions, oldest first. */
export async function issueEvents(
  db: Queryable,
  issueId: number,
): Promise<{ at: string; actor: string; from: IssueStatus; to: IssueStatus; note: string | null }[]> {
  const { rows } = await db.query<{ at: string; actor: string; from: IssueStatus; to: IssueStatus; note: string | null }>(
    `select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, actor, from_status as "from", to_status as "to", note
     from review_issue_events where issue_id = $1 order by id`,
    [issueId],
  );
  return rows;
}
