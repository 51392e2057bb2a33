import { z } from 'zod';
import { addDays, computeDeadline, type Deadline, formatDay, type Pause, type WorkCalendar } from '../calendar/index.ts';
import type { Database, Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { type Actor, assertRead, assertWrite } from './actor.ts';
import { loadCalendar } from './calendar-store.ts';
import { type CaseFacts, type CaseState, type EventInput, EVENT_KINDS, parseEvent, transition } from './lifecycle.ts';
import { receiptDay } from './receipt.ts';
import { APPLICANT_KINDS, CHANNELS } from './vocabulary.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

/** A new application as staff enter it: one schema for the register, the command line and imports. */
export const applicationInput = z.object({
  agencyId: z.number().int().positive(),
  reference: z.string().trim().max(100).optional(),
  applicantKind: z.enum(Object.keys(APPLICANT_KINDS) as [string, ...string[]], {
    error: `申请人类型应为：${Object.values(APPLICANT_KINDS).join('、')}`,
  }),
  applicantName: z.string().trim().min(1, '申请人姓名或名称不能为空').max(200),
  applicantContact: z.string().trim().max(200).default(''),
  channel: z.enum(Object.keys(CHANNELS) as [string, ...string[]], { error: `提交方式应为：${Object.values(CHANNELS).join('、')}` }),
  submittedOn: isoDate,
  confirmedOn: isoDate.optional(),
  content: z.string().trim().min(1, '申请内容不能为空'),
});
export type ApplicationInput = z.input<typeof applicationInput>;

export interface ApplicationRow {
  id: number;
  agencyId: number;
  reference: string | null;
  applicantKind: string;
  applicantName: string;
  applicantContact: string;
  channel: string;
  submittedOn: string;
  receivedOn: string;
  content: string;
  state: CaseState;
  outcome: string | null;
  closedOn: string | null;
  clockStart: string;
  extensionDays: number;
}

export interface EventRow {
  id: number;
  kind: keyof typeof EVENT_KINDS | 'received';
  onDate: string;
  actor: string;
  data: Record<string, unknown>;
}

const COLUMNS = `id, agency_id as "agencyId", reference, applicant_kind as "applicantKind", applicant_name as "applicantName",
  applicant_contact as "applicantContact", channel, submitted_on::text as "submittedOn", received_on::text as "receivedOn", content, state,
  outcome, closed_on::text as "closedOn", clock_start::text as "clockStart", extension_days as "extensionDays"`;

/** The Chinese names of an application's fields, as staff know them from the import template. */
export const FIELD_NAMES: Record<string, string> = {
  agencyId: '机关',
  reference: '编号',
  applicantKind: '申请人类型',
  applicantName: '申请人',
  applicantContact: '联系方式',
  channel: '提交方式',
  submittedOn: '提交日期',
  confirmedOn: '确认日期',
  content: '申请内容',
};

function invalid(error: z.ZodError): AppError {
  const problems = error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  return new AppError('invalid', problems.map((p) => `${FIELD_NAMES[p.field] ?? (p.field || '输入')}：${p.message}`).join('；'), { problems });
}

/** Registers a received application (receipt day per 条例 art. 31), with its first event. */
export async function createApplication(db: Database, actor: Actor, input: ApplicationInput): Promise<ApplicationRow> {
  const parsed = applicationInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const a = parsed.data;
  assertWrite(actor, a.agencyId);
  const receipt = receiptDay({ channel: a.channel as keyof typeof CHANNELS, submittedOn: a.submittedOn, confirmedOn: a.confirmedOn });
  return await db.transaction(actor.userId, async (tx) => {
    const { rows } = await tx.query<ApplicationRow>(
      `insert into applications (agency_id, reference, applicant_kind, applicant_name, applicant_contact, channel, submitted_on, received_on, content, clock_start)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8) returning ${COLUMNS}`,
      [a.agencyId, a.reference ?? null, a.applicantKind, a.applicantName, a.applicantContact, a.channel, a.submittedOn, receipt.day, a.content],
    );
    const row = rows[0] as ApplicationRow;
    await tx.query('insert into application_events (application_id, kind, on_date, actor, data) values ($1, $2, $3, $4, $5)', [
      row.id,
      'received',
      receipt.day,
      actor.userId,
      JSON.stringify({ reason: receipt.reason }),
    ]);
    return row;
  });
}

async function loadApplication(db: Queryable, id: number): Promise<ApplicationRow> {
  const { rows } = await db.query<ApplicationRow>(`select ${COLUMNS} from applications where id = $1`, [id]);
  if (!rows[0]) throw new AppError('not_found', `没有内部编号为 ${id} 的申请`, { id });
  return rows[0];
}

/** One application by its internal id, if the actor may read it. */
export async function getApplication(db: Queryable, actor: Actor, id: number): Promise<ApplicationRow> {
  const row = await loadApplication(db, id);
  assertRead(actor, row.agencyId);
  return row;
}

/**
 * An agency's application by the 编号 its staff gave it; a `#` and digits (「#12」) is the
 * internal id, for applications entered without a 编号.
 */
export async function findApplication(db: Queryable, actor: Actor, agencyId: number, reference: string): Promise<ApplicationRow> {
  assertRead(actor, agencyId);
  const internal = /^#(\d+)$/.exec(reference.trim());
  const { rows } = await db.query<ApplicationRow>(
    `select ${COLUMNS} from applications where agency_id = $1 and ${internal ? 'id = $2::int' : 'reference = $2'}`,
    [agencyId, internal ? internal[1] : reference.trim()],
  );
  if (!rows[0]) throw new AppError('not_found', `本机关没有编号为「${reference}」的申请`, { agencyId, reference });
  return rows[0];
}

/** The applications of some agencies that count in a year's report (received by its end, open at its start or later) and/or are still open, in order of receipt. */
export async function listApplications(
  db: Queryable,
  actor: Actor,
  agencyIds: readonly number[],
  filter: { year?: number; open?: boolean } = {},
): Promise<ApplicationRow[]> {
  assertRead(actor, ...agencyIds);
  const { rows } = await db.query<ApplicationRow>(
    `select ${COLUMNS} from applications where agency_id = any($1::int[])
       and ($2::int is null or (received_on <= make_date($2, 12, 31) and (closed_on is null or closed_on >= make_date($2, 1, 1))))
       and (not $3 or closed_on is null)
     order by received_on, id`,
    [agencyIds, filter.year ?? null, filter.open ?? false],
  );
  return rows;
}

/** The events of some applications in order, by application (one query for a whole list). */
async function eventsOfMany(db: Queryable, ids: readonly number[]): Promise<Map<number, EventRow[]>> {
  const { rows } = await db.query<EventRow & { applicationId: number }>(
    'select id, application_id as "applicationId", kind, on_date::text as "onDate", actor, data from application_events where application_id = any($1::int[]) order by id',
    [ids],
  );
  const out = new Map<number, EventRow[]>(ids.map((id) => [id, []]));
  for (const { applicationId, ...e } of rows) out.get(applicationId)?.push({ ...e, data: typeof e.data === 'string' ? JSON.parse(e.data) : e.data });
  return out;
}

/** An application's events in order. */
export async function eventsOf(db: Queryable, id: number): Promise<EventRow[]> {
  return (await eventsOfMany(db, [id])).get(id) ?? [];
}

/**
 * Records what happened to an application (补正, consultation, extension, fee, answer…),
 * refusing transitions the 条例 does not allow, in one transaction with the case's new state.
 */
export async function addEvent(db: Database, actor: Actor, id: number, input: EventInput): Promise<ApplicationRow> {
  const event = parseEvent(input);
  return await db.transaction(actor.userId, async (tx) => {
    const row = await loadApplication(tx, id);
    assertWrite(actor, row.agencyId);
    const events = await eventsOf(tx, id);
    const facts: CaseFacts = {
      state: row.state,
      receivedOn: row.receivedOn,
      lastEventOn: events[events.length - 1]?.onDate ?? row.receivedOn,
      corrected: events.some((e) => e.kind === 'correction_requested'),
      extended: row.extensionDays > 0,
    };
    const next = transition(facts, event);
    await tx.query('insert into application_events (application_id, kind, on_date, actor, data) values ($1, $2, $3, $4, $5)', [
      id,
      event.kind,
      event.onDate,
      actor.userId,
      JSON.stringify(event.data),
    ]);
    const { rows } = await tx.query<ApplicationRow>(
      `update applications set state = $2, outcome = coalesce($3, outcome), closed_on = coalesce($4::date, closed_on),
         clock_start = coalesce($5::date, clock_start), extension_days = coalesce($6, extension_days)
       where id = $1 returning ${COLUMNS}`,
      [id, next.state, next.outcome ?? null, next.closedOn ?? null, next.clockStart ?? null, next.extensionDays ?? null],
    );
    return rows[0] as ApplicationRow;
  });
}

/** The answer deadline of an application, from its events, with the explanation. */
export function deadlineOf(calendar: WorkCalendar, row: ApplicationRow, events: readonly EventRow[]): Deadline {
  const pauses: Pause[] = [];
  let open: { from: string; reason: string } | undefined;
  for (const e of events) {
    if (e.kind === 'consultation_started' || e.kind === 'fee_notice')
      open = { from: e.onDate, reason: e.kind === 'fee_notice' ? '等待缴纳信息处理费' : '征求第三方或其他机关意见' };
    if ((e.kind === 'consultation_ended' || e.kind === 'fee_paid') && open) {
      pauses.push({ ...open, to: e.onDate });
      open = undefined;
    }
    if (e.kind === 'correction_received') pauses.length = 0;
  }
  if (open) pauses.push({ ...open, to: null });
  const corrected = row.clockStart !== row.receivedOn;
  return computeDeadline(calendar, {
    start: row.clockStart,
    startReason: corrected ? '收到补正后的申请' : `收到申请，${events[0]?.data?.reason ?? ''}`.replace(/，$/, ''),
    days: 20,
    extension: row.extensionDays,
    pauses,
  });
}

/** Masks personal data for lists: 张三丰 → 张**, 13812345678 → 138****5678. */
export function mask(text: string): string {
  if (/^\d{7,}$/.test(text)) return `${text.slice(0, 3)}****${text.slice(-4)}`;
  if (text.includes('@')) return `${text.slice(0, 1)}***${text.slice(text.indexOf('@'))}`;
  const chars = Array.from(text);
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 4))}`;
}

export interface DueItem {
  id: number;
  agencyId: number;
  reference: string | null;
  applicant: string;
  receivedOn: string;
  due: string | null;
  overdue: boolean;
  /** Working days past the due date (0 when not overdue). */
  overdueDays: number;
  /** Working days left until the due date, today not counted (0 when due today or overdue). */
  daysLeft: number;
  state: CaseState;
  /** How the due date was computed, step by step. */
  steps: string[];
  warnings: string[];
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
function workingDaysAfter(calendar: WorkCalendar, from: string, to: string): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (calendar.isWorking(day)) n++;
  return n;
}

/** An application with its events and, while it is open, its answer deadline and explanation. */
export interface ApplicationDetail {
  application: ApplicationRow;
  events: EventRow[];
  deadline: Deadline | null;
}

/** One application in full, if the actor may read it. */
export async function applicationDetail(db: Queryable, actor: Actor, id: number): Promise<ApplicationDetail> {
  const application = await getApplication(db, actor, id);
  const events = await eventsOf(db, id);
  const deadline = application.closedOn ? null : deadlineOf(await loadCalendar(db), application, events);
  return { application, events, deadline };
}

/**
 * Open applications of some agencies with their due dates: those overdue and those due within
 * `days` working days of `today`, soonest first; each with its explanation and how many working
 * days it is overdue or has left; names masked.
 */
export async function dueList(db: Queryable, actor: Actor, agencyIds: readonly number[], today: string, days = 5): Promise<DueItem[]> {
  assertRead(actor, ...agencyIds);
  const calendar = await loadCalendar(db);
  const { rows } = await db.query<ApplicationRow>(`select ${COLUMNS} from applications where closed_on is null and agency_id = any($1::int[])`, [
    agencyIds,
  ]);
  const horizon = computeDeadline(calendar, { start: today, startReason: '今天', days, extension: 0, pauses: [] }).due as string;
  const events = await eventsOfMany(
    db,
    rows.map((r) => r.id),
  );
  const out: DueItem[] = [];
  for (const row of rows) {
    const d = deadlineOf(calendar, row, events.get(row.id) ?? []);
    const overdue = d.due !== null && d.due < today;
    if (overdue || (d.due !== null && d.due <= horizon)) {
      out.push({
        id: row.id,
        agencyId: row.agencyId,
        reference: row.reference,
        applicant: mask(row.applicantName),
        receivedOn: row.receivedOn,
        due: d.due,
        overdue,
        overdueDays: overdue && d.due ? workingDaysAfter(calendar, d.due, today) : 0,
        daysLeft: !overdue && d.due ? workingDaysAfter(calendar, today, d.due) : 0,
        state: row.state,
        steps: d.steps,
        warnings: d.warnings,
      });
    }
  }
  return out.sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
}

export { formatDay };
