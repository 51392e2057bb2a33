import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../calendar/index.ts';
import type { Database } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { printable } from '../printable.ts';
import { type Actor, assertWrite } from './actor.ts';
import { applicationInput, FIELD_NAMES } from './applications.ts';
import { receiptDay } from './receipt.ts';
import { APPLICANT_KINDS, CHANNELS, type Channel, outcomeLabel, parseApplicantKind, parseChannel, parseOutcome } from './vocabulary.ts';

/** The columns of the import template, in order; the first row of a file names them. */
export const TEMPLATE_COLUMNS = [
  '编号',
  '申请人类型',
  '申请人',
  '联系方式',
  '提交方式',
  '提交日期',
  '确认日期',
  '申请内容',
  '答复日期',
  '办理结果',
] as const;
const REQUIRED = ['申请人类型', '申请人', '提交方式', '提交日期', '申请内容'];

interface CaseRow {
  reference: string | null;
  kind: string;
  name: string;
  contact: string;
  channel: Channel;
  submittedOn: string;
  receivedOn: string;
  reason: string;
  content: string;
  closedOn: string | null;
  outcome: string | null;
}

/** A row the import refused: its line in the file and every problem found in it. */
export interface RowProblem {
  row: number;
  problems: string[];
}

function cellText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  if (value && typeof value === 'object' && 'result' in value) return cellText((value as { result: unknown }).result);
  return value === null || value === undefined ? '' : String(value).trim();
}

function normalDate(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  return m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : text.trim();
}

/** The largest import file, and the longest text one field may hold. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_FIELD_CHARS = 10_000;

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '有未闭合的引号',
  CSV_INVALID_CLOSING_QUOTE: '引号后有多余字符',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: '列数与表头不一致',
  CSV_INVALID_OPENING_QUOTE: '字段中间出现引号',
  CSV_MAX_RECORD_SIZE: '有过长的字段',
};

/**
 * Decodes a CSV as spreadsheet programs save it: a BOM (UTF-8, UTF-16 LE/BE), UTF-16 without a
 * BOM (every other byte zero), strict UTF-8, else GB18030 (Excel's 「CSV」 on Chinese Windows
 * is GBK, a subset).
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 4096);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) oddZero++;
    else evenZero++;
  }
  if (oddZero > sample.length / 8 && evenZero === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (evenZero > sample.length / 8 && oddZero === 0) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Reads the records of a CSV or XLSX file as objects keyed by the header row. */
export async function readCaseFile(file: string): Promise<Record<string, string>[]> {
  return readCaseBytes(file, new Uint8Array(await readFile(file)));
}

/** Reads the records of CSV or XLSX bytes (the name's extension says which) as objects keyed by the header row. */
export async function readCaseBytes(name: string, bytes: Uint8Array): Promise<Record<string, string>[]> {
  const ext = extname(name).toLowerCase();
  if (ext === '.csv') {
    if (bytes.length > MAX_FILE_BYTES) throw new AppError('invalid', `导入文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请分成几个文件导入`);
    try {
      return parse(decodeCsv(bytes), { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
    } catch (error) {
      // csv-parse's messages quote the field: say where the file is malformed, never what it holds.
      const lines = (error as { lines?: number }).lines;
      const what = CSV_ERRORS[(error as { code?: string }).code ?? ''] ?? '格式有误';
      throw new AppError('invalid', `CSV 文件${lines ? `第${lines}行附近` : ''}${what}，请检查后重新导入`, { line: lines });
    }
  }
  if (ext === '.xlsx') {
    // exceljs is large: loaded only for an XLSX file.
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) return [];
    const header = (sheet.getRow(1).values as unknown[]).map(cellText);
    const out: Record<string, string>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = row.values as unknown[];
      out.push(Object.fromEntries(header.map((h, i) => [h, cellText(values[i])]).filter(([h]) => h)));
    });
    return out;
  }
  throw new AppError('invalid', `不支持的导入文件格式「${ext}」：请使用 .csv 或 .xlsx（模板列：${TEMPLATE_COLUMNS.join('、')}）`);
}

/** Validates records against the template; returns the cases or every problem, by row. */
export function validateCases(
  records: readonly Record<string, string>[],
  today: string = new Date().toISOString().slice(0, 10),
): { cases: CaseRow[] } | { problems: RowProblem[] } {
  const cases: CaseRow[] = [];
  const problems: RowProblem[] = [];
  const first = records[0];
  if (first) {
    const missing = REQUIRED.filter((c) => !(c in first));
    if (missing.length) return { problems: [{ row: 1, problems: [`表头缺少列：${missing.join('、')}（模板列：${TEMPLATE_COLUMNS.join('、')}）`] }] };
  }
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const row = i + 2;
    const errs: string[] = [];
    for (const c of TEMPLATE_COLUMNS) {
      const v = r[c] ?? '';
      if (v.length > MAX_FIELD_CHARS) errs.push(`「${c}」有 ${v.length} 个字符，超过上限 ${MAX_FIELD_CHARS}`);

      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v)) errs.push(`「${c}」含有不可见的控制字符（如 NUL），请删除后重新导入`);
    }
    for (const c of REQUIRED) if (!r[c]) errs.push(`「${c}」不能为空`);
    const kind = r['申请人类型'] ? parseApplicantKind(r['申请人类型']) : undefined;
    if (r['申请人类型'] && !kind) errs.push(`「申请人类型」为「${r['申请人类型']}」，应为：${Object.values(APPLICANT_KINDS).join('、')}`);
    const channel = r['提交方式'] ? parseChannel(r['提交方式']) : undefined;
    if (r['提交方式'] && !channel) errs.push(`「提交方式」为「${r['提交方式']}」，应为：${Object.values(CHANNELS).join('、')}`);
    const submitted = normalDate(r['提交日期'] ?? '');
    if (r['提交日期'] && !isIsoDate(submitted)) errs.push(`「提交日期」为「${r['提交日期']}」，应为 YYYY-MM-DD`);
    for (const [column, day] of [
      ['提交日期', submitted],
      ['确认日期', normalDate(r['确认日期'] ?? '')],
      ['答复日期', normalDate(r['答复日期'] ?? '')],
    ] as const) {
      if (!isIsoDate(day)) continue;
      if (day < REGULATION_START) errs.push(`「${column}」${day} 早于《政府信息公开条例》施行之日 ${REGULATION_START}`);
      else if (day > today) errs.push(`「${column}」${day} 晚于今天 ${today}`);
    }
    const confirmed = r['确认日期'] ? normalDate(r['确认日期']) : undefined;
    let receipt: { day: string; reason: string } | undefined;
    if (channel && isIsoDate(submitted)) {
      try {
        receipt = receiptDay({ channel, submittedOn: submitted, confirmedOn: confirmed });
      } catch (e) {
        errs.push((e as Error).message);
      }
    }
    const answered = r['答复日期'] ? normalDate(r['答复日期']) : null;
    const outcome = r['办理结果'] ? parseOutcome(r['办理结果']) : null;
    if (r['办理结果'] && !outcome)
      errs.push(
        `「办理结果」为「${r['办理结果']}」，无法对应到表三的办理结果（如「予以公开」「部分公开」「${outcomeLabel('refused.third_party')}」）`,
      );
    if (answered && !isIsoDate(answered)) errs.push(`「答复日期」为「${r['答复日期']}」，应为 YYYY-MM-DD`);
    if ((answered === null) !== (r['办理结果'] ? false : true)) errs.push('「答复日期」与「办理结果」应同时填写或同时留空');
    if (answered && receipt && answered < receipt.day) errs.push(`「答复日期」早于收到申请的日期 ${receipt.day}`);
    const reference = r['编号'] || null;
    if (reference) {
      if (seen.has(reference)) errs.push(`「编号」${reference} 在文件中重复`);
      seen.add(reference);
    }
    if (errs.length === 0) {
      // The same schema as an application entered one by one (lengths, blanks).
      const checked = applicationInput.safeParse({
        agencyId: 1,
        ...(reference ? { reference } : {}),
        applicantKind: kind,
        applicantName: r['申请人'],
        applicantContact: r['联系方式'] ?? '',
        channel,
        submittedOn: submitted,
        ...(confirmed ? { confirmedOn: confirmed } : {}),
        content: r['申请内容'],
      });
      if (!checked.success) for (const i of checked.error.issues) errs.push(`「${FIELD_NAMES[String(i.path[0])] ?? String(i.path[0])}」${i.message}`);
    }
    // The values quoted in the problems may hold control characters: shown as escapes.
    if (errs.length) problems.push({ row, problems: errs.map((e) => printable(e)) });
    else {
      cases.push({
        reference,
        kind: kind as string,
        name: r['申请人'] as string,
        contact: r['联系方式'] ?? '',
        channel: channel as Channel,
        submittedOn: submitted,
        receivedOn: (receipt as { day: string }).day,
        reason: (receipt as { reason: string }).reason,
        content: r['申请内容'] as string,
        closedOn: answered,
        outcome: outcome ?? null,
      });
    }
  });
  return problems.length ? { problems } : { cases };
}

const CHUNK = 500;

/** The day the 条例 took effect (2008): no application can be older. */
export const REGULATION_START = '2008-05-01';

function refuse(problems: RowProblem[]): AppError {
  const lines = problems.slice(0, 50).map((p) => `第${p.row}行：${p.problems.join('；')}`);
  const more = problems.length > 50 ? `\n……另有 ${problems.length - 50} 行有问题` : '';
  return new AppError('invalid', `导入失败，没有写入任何记录。${problems.length} 行有问题：\n${lines.join('\n')}${more}`, { problems });
}

/**
 * Imports cases for an agency, all or nothing: every row is checked first (each problem named
 * with its row), then all rows go in one transaction. Returns the number imported.
 */
export async function importCases(
  db: Database,
  actor: Actor,
  agencyId: number,
  records: readonly Record<string, string>[],
  onProgress?: (done: number) => void,
): Promise<number> {
  assertWrite(actor, agencyId);
  const result = validateCases(records);
  if ('problems' in result) throw refuse(result.problems);
  const { cases } = result;
  await db.transaction(actor.userId, async (tx) => {
    const references = cases.flatMap((c, i) => (c.reference ? [{ reference: c.reference, row: i + 2 }] : []));
    const existing = await tx.query<{ reference: string }>(
      'select reference from applications where agency_id = $1 and reference = any($2::text[])',
      [agencyId, references.map((r) => r.reference)],
    );
    if (existing.rows.length) {
      const taken = new Set(existing.rows.map((r) => r.reference));
      throw refuse(
        references.filter((r) => taken.has(r.reference)).map((r) => ({ row: r.row, problems: [`本机关已有编号为「${r.reference}」的申请`] })),
      );
    }
    for (let i = 0; i < cases.length; i += CHUNK) {
      const chunk = cases.slice(i, i + CHUNK);
      const params: unknown[] = [];
      const rows = chunk.map((c) => {
        const at = params.length;
        params.push(
          agencyId,
          c.reference,
          c.kind,
          c.name,
          c.contact,
          c.channel,
          c.submittedOn,
          c.receivedOn,
          c.content,
          c.closedOn ? 'closed' : 'received',
          c.outcome,
          c.closedOn,
        );
        return `(${Array.from({ length: 12 }, (_, k) => `$${at + k + 1}`).join(', ')}, $${at + 8})`;
      });
      const inserted = await tx.query<{ id: number }>(
        `insert into applications (agency_id, reference, applicant_kind, applicant_name, applicant_contact, channel, submitted_on, received_on, content, state, outcome, closed_on, clock_start)
         values ${rows.join(', ')} returning id`,
        params,
      );
      const ids = inserted.rows.map((r) => r.id);
      await tx.query(
        `insert into application_events (application_id, kind, on_date, actor, data)
         select id, 'received', received_on, $2, jsonb_build_object('reason', '导入', 'source', 'import') from applications where id = any($1::int[])
         union all
         select id, 'answered', closed_on, $2, jsonb_build_object('outcome', outcome, 'source', 'import') from applications where id = any($1::int[]) and closed_on is not null`,
        [ids, actor.userId],
      );
      onProgress?.(Math.min(i + CHUNK, cases.length));
    }
  });
  return cases.length;
}
