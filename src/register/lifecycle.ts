import { formatDay } from '../calendar/index.ts';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { OUTCOMES, outcomeLabel } from './vocabulary.ts';

/** Where an application stands. */
export type CaseState = 'received' | 'awaiting_correction' | 'consulting' | 'awaiting_fee' | 'closed';

export const STATE_NAMES: Record<CaseState, string> = {
  received: '办理中',
  awaiting_correction: '待补正',
  consulting: '征求意见中（期限暂停）',
  awaiting_fee: '待缴费（期限暂停）',
  closed: '已办结',
};

/** What can happen to an application after it is received, with the register's name for it. */
export const EVENT_KINDS = {
  correction_requested: '告知补正',
  correction_received: '收到补正材料',
  correction_lapsed: '逾期未补正',
  consultation_started: '征求第三方或其他机关意见',
  consultation_ended: '收到意见（恢复计时）',
  extension: '延长答复期限',
  fee_notice: '发出收费通知',
  fee_paid: '缴纳信息处理费',
  fee_lapsed: '逾期未缴费',
  answered: '答复',
  withdrawn: '申请人撤回',
} as const;
export type EventKind = keyof typeof EVENT_KINDS;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const text = z.string().trim().min(1).max(2000);
const event = <K extends EventKind, D extends z.ZodRawShape>(kind: K, data: D) =>
  z.object({ kind: z.literal(kind), onDate: isoDate, data: z.object(data).default({} as never) });

// Outcomes an answer can give: the lapses and the withdrawal have their own events.
const ANSWERS = OUTCOMES.filter((o) => o !== 'other.no_correction' && o !== 'other.fee_unpaid');

/**
 * Every event of an application as data: one schema for the lifecycle, the command line,
 * imports and (later) the HTTP API. Messages in Chinese.
 */
export const eventInput = z.discriminatedUnion(
  'kind',
  [
    event('correction_requested', { items: text.optional(), dueOn: isoDate.optional() }),
    event('correction_received', {}),
    event('correction_lapsed', {}),
    event('consultation_started', { party: text.optional() }),
    event('consultation_ended', {}),
    event('extension', {
      days: z
        .number({ error: '延长期限应为1至20个工作日' })
        .int('延长期限应为1至20个工作日')
        .min(1, '延长期限应为1至20个工作日')
        .max(20, '延长期限应为1至20个工作日')
        .default(20),
      approver: z
        .string({ error: '延长答复期限须写明批准人（政府信息公开工作机构负责人）' })
        .trim()
        .min(1, '延长答复期限须写明批准人（政府信息公开工作机构负责人）'),
    }),
    event('fee_notice', { method: z.enum(['by_count', 'by_pages']).optional(), amount: z.number().nonnegative().optional() }),
    event('fee_paid', { amount: z.number().nonnegative().optional() }),
    event('fee_lapsed', {}),
    event('answered', {
      outcome: z.string().refine((o) => ANSWERS.includes(o), {
        error: (issue) => `答复结果「${String(issue.input ?? '')}」无效，应为表三的一项办理结果：${ANSWERS.map(outcomeLabel).join('、')}`,
      }),
      source: z.string().optional(),
    }),
    event('withdrawn', { reason: text.optional() }),
  ],
  {
    error: (issue) =>
      `未知的办理环节「${String((issue.input as { kind?: unknown } | undefined)?.kind ?? '')}」，应为：${Object.values(EVENT_KINDS).join('、')}`,
  },
);
export type EventInput = z.input<typeof eventInput>;
export type Event = z.output<typeof eventInput>;

/** An event checked against its schema, or an AppError listing every problem. */
export function parseEvent(input: unknown): Event {
  const parsed = eventInput.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid', parsed.error.issues.map((i) => i.message).join('；'), {
    problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

/** The facts the lifecycle needs about a case to judge the next event. */
export interface CaseFacts {
  state: CaseState;
  receivedOn: string;
  lastEventOn: string;
  corrected: boolean;
  extended: boolean;
}

/** What an event changes on the case. */
export interface Transition {
  state: CaseState;
  outcome?: string;
  closedOn?: string;
  clockStart?: string;
  extensionDays?: number;
}

const FROM: Record<EventKind, CaseState[]> = {
  correction_requested: ['received'],
  correction_received: ['awaiting_correction'],
  correction_lapsed: ['awaiting_correction'],
  consultation_started: ['received'],
  consultation_ended: ['consulting'],
  extension: ['received', 'consulting'],
  fee_notice: ['received'],
  fee_paid: ['awaiting_fee'],
  fee_lapsed: ['awaiting_fee'],
  answered: ['received'],
  withdrawn: ['received', 'awaiting_correction', 'consulting', 'awaiting_fee'],
};

/**
 * The next state of a case after an event, or an AppError saying in Chinese why the event is
 * not allowed now (wrong state, a second 补正 or extension, a date before the last event, an
 * answer that is not a table B outcome).
 */
export function transition(facts: CaseFacts, input: EventInput): Transition {
  const event = parseEvent(input);
  const name = EVENT_KINDS[event.kind];
  if (!FROM[event.kind].includes(facts.state)) {
    throw new AppError('conflict', `申请当前状态为「${STATE_NAMES[facts.state]}」，不能「${name}」`, { state: facts.state, event: event.kind });
  }
  if (event.onDate < facts.lastEventOn) {
    throw new AppError('invalid', `「${name}」的日期${formatDay(event.onDate)}早于上一环节（${formatDay(facts.lastEventOn)}）`);
  }
  switch (event.kind) {
    case 'correction_requested':
      if (facts.corrected) throw new AppError('conflict', '补正只能告知一次（条例第三十条）');
      return { state: 'awaiting_correction' };
    case 'correction_received':
      return { state: 'received', clockStart: event.onDate };
    case 'correction_lapsed':
      return { state: 'closed', outcome: 'other.no_correction', closedOn: event.onDate };
    case 'consultation_started':
      return { state: 'consulting' };
    case 'consultation_ended':
      return { state: 'received' };
    case 'extension':
      if (facts.extended) throw new AppError('conflict', '答复期限只能延长一次（条例第三十三条）');
      return { state: facts.state, extensionDays: event.data.days };
    case 'fee_notice':
      return { state: 'awaiting_fee' };
    case 'fee_paid':
      return { state: 'received' };
    case 'fee_lapsed':
      return { state: 'closed', outcome: 'other.fee_unpaid', closedOn: event.onDate };
    case 'answered':
      return { state: 'closed', outcome: event.data.outcome, closedOn: event.onDate };
    case 'withdrawn':
      return { state: 'closed', outcome: 'other.other', closedOn: event.onDate };
  }
}
