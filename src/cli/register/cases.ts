import { readFile } from 'node:fs/promises';
import { formatDay } from '../../calendar/index.ts';
import { AppError } from '../../errors.ts';
import {
  addEvent,
  APPLICANT_KINDS,
  type ApplicationRow,
  applicationDetail,
  CHANNELS,
  createApplication,
  EVENT_KINDS,
  type EventInput,
  type EventKind,
  type EventRow,
  importCases,
  listApplications,
  mask,
  outcomeLabel,
  parseApplicantKind,
  parseChannel,
  parseOutcome,
  readCaseBytes,
  STATE_NAMES,
} from '../../register/index.ts';
import { pad, textWidth } from '../text-width.ts';
import { agencyArg, caseArg, type GlobalOptions, printJson, say, withRegister } from './context.ts';

/** The words a clerk may type for each step, besides the register's own names and the English keys. */
const EVENT_WORDS: Record<string, EventKind> = {
  补正: 'correction_requested',
  告知补正: 'correction_requested',
  收到补正: 'correction_received',
  逾期未补正: 'correction_lapsed',
  征求意见: 'consultation_started',
  收到意见: 'consultation_ended',
  延期: 'extension',
  延长: 'extension',
  收费通知: 'fee_notice',
  缴费: 'fee_paid',
  逾期未缴费: 'fee_lapsed',
  答复: 'answered',
  撤回: 'withdrawn',
};

/** An event kind from what was typed: 「补正」「征求意见」…, the register's name, or the key. */
export function parseEventKind(text: string): EventKind {
  const t = text.trim().replace(/-/g, '_');
  if (t in EVENT_KINDS) return t as EventKind;
  const byName = Object.entries(EVENT_KINDS).find(([, name]) => name === t)?.[0];
  const kind = EVENT_WORDS[t] ?? (byName as EventKind | undefined);
  if (!kind) throw new AppError('usage', `未知的办理环节「${text}」，应为：${Object.keys(EVENT_WORDS).join('、')}`);
  return kind;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function kindName(kind: string): string {
  return APPLICANT_KINDS[kind as keyof typeof APPLICANT_KINDS] ?? kind;
}

/** A line describing an event for people. */
export function describeEvent(e: EventRow): string {
  const d = e.data as Record<string, string | number | undefined>;
  const name = e.kind === 'received' ? '收到申请' : EVENT_KINDS[e.kind];
  const detail = [
    e.kind === 'received' && d.reason ? String(d.reason) : '',
    d.items ? `补正内容：${d.items}` : '',
    d.party ? `征求对象：${d.party}` : '',
    e.kind === 'extension' ? `延长${d.days}个工作日，批准人：${d.approver}` : '',
    d.amount !== undefined ? `金额：${d.amount}元` : '',
    e.kind === 'answered' && d.outcome ? `办理结果：${outcomeLabel(String(d.outcome))}` : '',
    d.reason && e.kind !== 'received' ? `原因：${d.reason}` : '',
  ].filter(Boolean);
  return `${formatDay(e.onDate)}  ${name}${detail.length ? `（${detail.join('；')}）` : ''}  ${e.actor}`;
}

export interface CaseAddOptions extends GlobalOptions {
  agency: string;
  ref?: string;
  kind: string;
  applicant: string;
  contact?: string;
  channel: string;
  submitted: string;
  confirmed?: string;
  content: string;
}

/** `gongkai case add`: registers a received application. */
export function caseAdd(_args: unknown[], o: CaseAddOptions): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const kind = parseApplicantKind(o.kind);
    if (!kind) throw new AppError('usage', `申请人类型「${o.kind}」无效，应为：${Object.values(APPLICANT_KINDS).join('、')}`);
    const channel = parseChannel(o.channel);
    if (!channel) throw new AppError('usage', `提交方式「${o.channel}」无效，应为：${Object.values(CHANNELS).join('、')}`);
    const row = await createApplication(db, actor, {
      agencyId: agency.id,
      ...(o.ref ? { reference: o.ref } : {}),
      applicantKind: kind,
      applicantName: o.applicant,
      applicantContact: o.contact ?? '',
      channel,
      submittedOn: o.submitted,
      ...(o.confirmed ? { confirmedOn: o.confirmed } : {}),
      content: o.content,
    });
    if (o.json) printJson(row);
    else say(`已登记申请 ${row.reference ?? `#${row.id}`}：收到日期 ${formatDay(row.receivedOn)}`);
  });
}

export interface CaseListOptions extends GlobalOptions {
  agency: string;
  year?: number;
  open?: boolean;
}

/** `gongkai case list`: an agency's applications (of a year, or still open). */
export function caseList(_args: unknown[], o: CaseListOptions): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const rows = await listApplications(db, actor, [agency.id], { ...(o.year ? { year: o.year } : {}), open: o.open ?? false });
    if (o.json) {
      printJson(rows.map((r) => ({ ...r, applicantName: mask(r.applicantName), applicantContact: mask(r.applicantContact) })));
      return;
    }
    if (rows.length === 0) {
      say('没有符合条件的申请');
      return;
    }
    const table = [['编号', '收到日期', '申请人', '申请人类型', '状态', '办理结果'], ...rows.map(listRow)];
    const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => textWidth(r[i] ?? '')))) ?? [];
    say(
      ...table.map((r) =>
        r
          .map((c, i) => pad(c, widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      ),
      `共 ${rows.length} 件`,
    );
  });
}

function listRow(r: ApplicationRow): string[] {
  return [
    r.reference ?? `#${r.id}`,
    r.receivedOn,
    mask(r.applicantName),
    kindName(r.applicantKind),
    STATE_NAMES[r.state],
    r.outcome ? `${outcomeLabel(r.outcome)}（${r.closedOn}）` : '',
  ];
}

export interface CaseShowOptions extends GlobalOptions {
  agency: string;
  personal?: boolean;
}

/** `gongkai case show`: one application, its steps and its deadline with the explanation. */
export function caseShow(args: unknown[], o: CaseShowOptions): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const row = await caseArg(db, actor, agency, String(args[0]));
    const detail = await applicationDetail(db, actor, row.id);
    const a = detail.application;
    const who = o.personal ? a.applicantName : mask(a.applicantName);
    const contact = o.personal ? a.applicantContact : mask(a.applicantContact);
    if (o.json) {
      printJson({ ...detail, application: { ...a, applicantName: who, applicantContact: contact } });
      return;
    }
    say(
      `申请 ${a.reference ?? `#${a.id}`}（内部编号 ${a.id}）  ${agency.name}`,
      `申请人：${who}（${kindName(a.applicantKind)}）  联系方式：${contact || '无'}`,
      `提交方式：${CHANNELS[a.channel as keyof typeof CHANNELS] ?? a.channel}  提交日期：${formatDay(a.submittedOn)}  收到日期：${formatDay(a.receivedOn)}`,
      `申请内容：${a.content}`,
      `状态：${STATE_NAMES[a.state]}${a.outcome ? `  办理结果：${outcomeLabel(a.outcome)}  办结日期：${formatDay(a.closedOn ?? '')}` : ''}`,
      '办理过程：',
      ...detail.events.map((e) => `  ${describeEvent(e)}`),
    );
    if (detail.deadline) {
      const d = detail.deadline;
      say(
        d.due ? `答复期限：${formatDay(d.due)}` : '答复期限：计时暂停中',
        ...d.steps.map((s) => `  ${s}`),
        ...d.warnings.map((w) => `  注意：${w}`),
      );
    }
  });
}

export interface CaseEventOptions extends GlobalOptions {
  agency: string;
  date?: string;
  outcome?: string;
  days?: number;
  approver?: string;
  party?: string;
  items?: string;
  amount?: number;
  method?: string;
  reason?: string;
}

/** The event typed on the command line, as the register's data. */
export function eventFromOptions(kindText: string, o: CaseEventOptions): EventInput {
  const kind = parseEventKind(kindText);
  const onDate = o.date ?? today();
  const data: Record<string, unknown> = {};
  if (kind === 'answered') {
    if (!o.outcome) throw new AppError('usage', '答复须用 --outcome 写明办理结果（表三的一项，如「予以公开」「不予公开-保护第三方合法权益」）');
    const outcome = parseOutcome(o.outcome);
    if (!outcome)
      throw new AppError(
        'usage',
        `办理结果「${o.outcome}」无法对应到表三的办理结果（如「予以公开」「部分公开」「${outcomeLabel('refused.third_party')}」）`,
      );
    data.outcome = outcome;
  }
  if (kind === 'extension') {
    if (o.days !== undefined) data.days = o.days;
    if (o.approver) data.approver = o.approver;
  }
  if (o.party) data.party = o.party;
  if (o.items) data.items = o.items;
  if (o.amount !== undefined) data.amount = o.amount;
  if (o.method) data.method = o.method === '按量' || o.method === 'by_pages' ? 'by_pages' : 'by_count';
  if (o.reason) data.reason = o.reason;
  return { kind, onDate, data } as EventInput;
}

/** `gongkai case event`: records one step of an application (refused with the reason when the 条例 does not allow it). */
export function caseEvent(args: unknown[], o: CaseEventOptions): Promise<number> {
  const event = eventFromOptions(String(args[1]), o);
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const row = await caseArg(db, actor, agency, String(args[0]));
    const next = await addEvent(db, actor, row.id, event);
    if (o.json) printJson(next);
    else
      say(
        `已记录：${EVENT_KINDS[event.kind]}（${formatDay(event.onDate)}）；申请 ${next.reference ?? `#${next.id}`} 现为「${STATE_NAMES[next.state]}」`,
      );
  });
}

export interface ImportOptions extends GlobalOptions {
  agency: string;
}

/** `gongkai import`: applications from a CSV or XLSX file, all or none. */
export function caseImport(args: unknown[], o: ImportOptions): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const file = String(args[0]);
    const agency = await agencyArg(db, o.agency);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      throw new AppError('not_found', `无法读取文件 ${file}（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`);
    }
    const records = await readCaseBytes(file, bytes);
    let last = 0;
    const n = await importCases(db, actor, agency.id, records, (done) => {
      // A progress line every few seconds on a log, a counter on a terminal.
      if (process.stderr.isTTY) process.stderr.write(`已导入 ${done}/${records.length}\r`);
      else if (Date.now() - last > 3000) {
        last = Date.now();
        process.stderr.write(`已导入 ${done}/${records.length}\n`);
      }
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    say(`已导入 ${n} 件申请到「${agency.name}」`);
  });
}
