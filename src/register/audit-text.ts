import { LETTER_KINDS, type LetterKind } from './letters/compose-letter.ts';
import { EVENT_KINDS, STATE_NAMES, type CaseState } from './lifecycle.ts';
import { cellLabel, FORMAT_2021, SECTIONS } from '../format/index.ts';
import { type AuditEntry, REVIEW_KINDS, REVIEW_RESULTS, type ReviewKind, type ReviewResult } from './registers.ts';
import { APPLICANT_KINDS, CHANNELS, outcomeLabel } from './vocabulary.ts';

const TABLES: Record<string, string> = {
  agencies: '机关',
  calendar_days: '节假日',
  applications: '申请',
  application_events: '办理环节',
  proactive_stats: '主动公开数据',
  reviews: '行政复议、行政诉讼',
  report_texts: '报告正文',
  year_locks: '年度锁定',
  letters: '文书',
  attachments: '附件',
};

const ACTIONS: Record<string, string> = { insert: '新增', update: '修改', delete: '删除' };

const FIELDS: Record<string, string> = {
  name: '名称',
  parent_id: '上级机关',
  reference: '编号',
  applicant_kind: '申请人类型',
  applicant_name: '申请人',
  applicant_contact: '联系方式',
  channel: '提交方式',
  submitted_on: '提交日期',
  received_on: '收到日期',
  content: '申请内容',
  state: '状态',
  outcome: '办理结果',
  closed_on: '办结日期',
  clock_start: '计时起点',
  extension_days: '延长工作日',
  kind: '类型',
  on_date: '日期',
  data: '内容',
  key: '单元格',
  value: '数值',
  year: '年度',
  section: '章节',
  text: '正文',
  filed_on: '收到日期',
  result: '结果',
  note: '备注',
  working: '工作日',
  day: '日期',
  file_name: '文件名',
  version: '版本',
  size: '大小（字节）',
};

const DATA_FIELDS: Record<string, string> = {
  outcome: '办理结果',
  days: '延长工作日',
  approver: '批准人',
  items: '补正内容',
  party: '征求对象',
  amount: '金额',
  method: '计费方式',
  reason: '说明',
  source: '来源',
  dueOn: '补正期限',
};

function dataText(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(
      ([k, v]) =>
        `${DATA_FIELDS[k] ?? k}：${k === 'outcome' ? outcomeLabel(String(v)) : k === 'method' ? (v === 'by_pages' ? '按量' : '按件') : k === 'source' && v === 'import' ? '导入' : String(v)}`,
    )
    .join('，');
}

// The fields that say which record an update changed.
const IDENTITY: Record<string, string[]> = { proactive_stats: ['year', 'key'], report_texts: ['year', 'section'] };

// Bookkeeping columns nobody needs to read in a change list.
const HIDDEN = new Set([
  'id',
  'created_at',
  'agency_id',
  'application_id',
  'actor',
  'locked_at',
  'sha256',
  'body',
  'media_type',
  'issued_at',
  'issued_by',
  'uploaded_at',
  'uploaded_by',
]);

function valueText(field: string, value: unknown, table: string): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (field === 'state') return STATE_NAMES[value as CaseState] ?? String(value);
  if (field === 'outcome') return outcomeLabel(String(value));
  if (field === 'applicant_kind') return APPLICANT_KINDS[value as keyof typeof APPLICANT_KINDS] ?? String(value);
  if (field === 'channel') return CHANNELS[value as keyof typeof CHANNELS] ?? String(value);
  if (field === 'kind' && table === 'application_events')
    return value === 'received' ? '收到申请' : (EVENT_KINDS[value as keyof typeof EVENT_KINDS] ?? String(value));
  if (field === 'kind' && table === 'letters') return LETTER_KINDS[value as LetterKind] ?? String(value);
  if (field === 'kind' && table === 'reviews') return REVIEW_KINDS[value as ReviewKind] ?? String(value);
  if (field === 'result' && table === 'reviews') return REVIEW_RESULTS[value as ReviewResult] ?? String(value);
  if (field === 'key' && table === 'proactive_stats') return cellLabel(FORMAT_2021, String(value));
  if (field === 'section' && table === 'report_texts') return SECTIONS.find((x) => x.id === Number(value))?.heading ?? String(value);
  if (field === 'data' && typeof value === 'object') return dataText(value as Record<string, unknown>);
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** One audit entry for people: when, who, what (table and action) and the fields changed, in Chinese. */
export function describeAudit(e: AuditEntry): { at: string; actor: string; what: string; changes: string[] } {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const order = Object.keys(FIELDS);
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN.has(f)).sort((a, b) => rank(a) - rank(b));
  const changes: string[] = [];
  for (const f of fields) {
    const name = FIELDS[f] ?? f;
    if (e.action === 'update') {
      // What was changed is named even when that stays the same: the cell, the section and year.
      if (IDENTITY[e.tableName]?.includes(f)) changes.push(`${name}：${valueText(f, after[f], e.tableName)}`);
      else if (JSON.stringify(before[f]) !== JSON.stringify(after[f]))
        changes.push(`${name}：${valueText(f, before[f], e.tableName)} → ${valueText(f, after[f], e.tableName)}`);
    } else {
      const v = e.action === 'delete' ? before[f] : after[f];
      if (v !== null && v !== undefined && v !== '' && !(typeof v === 'object' && Object.keys(v as object).length === 0))
        changes.push(`${name}：${valueText(f, v, e.tableName)}`);
    }
  }
  return {
    at: e.at.slice(0, 19),
    actor: e.actor,
    what: `${ACTIONS[e.action] ?? e.action}${TABLES[e.tableName] ?? e.tableName}`,
    changes,
  };
}
