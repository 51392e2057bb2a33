import { formatDay } from '../calendar/index.ts';
import { AppError } from '../db/index.ts';
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

/** What can happen to an application after it is received. */
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

/** The facts the lifecycle needs about a case to judge the next event. */
export interface CaseFacts {
  state: CaseState;
  receivedOn: string;
  lastEventOn: string;
  corrected: boolean;
  extended: boolean;
}

export interface EventInput {
  kind: EventKind;
  onDate: string;
  data?: Record<string, unknown>;
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

// Outcomes an answer can give: the lapses have their own events.
const ANSWERS = OUTCOMES.filter((o) => o !== 'other.no_correction' && o !== 'other.fee_unpaid');

/**
 * The next state of a case after an event, or an AppError saying in Chinese why the event is
 * not allowed now (wrong state, a second 补正 or extension, a date before the last event, an
 * answer that is not a table B outcome).
 */
export function transition(facts: CaseFacts, event: EventInput): Transition {
  const name = EVENT_KINDS[event.kind];
  if (!name) throw new AppError('invalid', `未知的办理环节「${String(event.kind)}」`);
  if (!FROM[event.kind].includes(facts.state)) {
    throw new AppError('conflict', `申请当前状态为「${stateName(facts.state)}」，不能「${name}」`);
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
    case 'extension': {
      if (facts.extended) throw new AppError('conflict', '答复期限只能延长一次（条例第三十三条）');
      const days = Number(event.data?.days ?? 20);
      if (!Number.isInteger(days) || days < 1 || days > 20) throw new AppError('invalid', '延长期限应为1至20个工作日');
      if (!event.data?.approver) throw new AppError('invalid', '延长答复期限须写明批准人（政府信息公开工作机构负责人）');
      return { state: facts.state, extensionDays: days };
    }
    case 'fee_notice':
      return { state: 'awaiting_fee' };
    case 'fee_paid':
      return { state: 'received' };
    case 'fee_lapsed':
      return { state: 'closed', outcome: 'other.fee_unpaid', closedOn: event.onDate };
    case 'answered': {
      const outcome = String(event.data?.outcome ?? '');
      if (!ANSWERS.includes(outcome)) {
        throw new AppError('invalid', `答复结果「${outcome}」无效，应为表三的一项办理结果：${ANSWERS.map(outcomeLabel).join('、')}`);
      }
      return { state: 'closed', outcome, closedOn: event.onDate };
    }
    case 'withdrawn':
      return { state: 'closed', outcome: 'other.other', closedOn: event.onDate };
  }
}

function stateName(state: CaseState): string {
  return STATE_NAMES[state];
}
