import { readFile } from 'node:fs/promises';
import { formatDay } from '../../calendar/index.ts';
import { AppError } from '../../errors.ts';
import { cellLabel, cellSpecs, FORMAT_2021, SECTIONS } from '../../format/index.ts';
import {
  agencyTree,
  addReview,
  closeReview,
  createAgency,
  findApplication,
  getProactive,
  getReportTexts,
  listAgencies,
  listReviews,
  quoteFee,
  REVIEW_KINDS,
  REVIEW_RESULTS,
  type ReviewKind,
  type ReviewResult,
  setProactive,
  setReportText,
} from '../../register/index.ts';
import { columns } from '../text-width.ts';
import { agencyArg, type GlobalOptions, printJson, say, withRegister } from './context.ts';

/** `gongkai agency add`. */
export function agencyAdd(args: unknown[], o: GlobalOptions & { parent?: string }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const parent = o.parent ? await agencyArg(db, o.parent) : undefined;
    const a = await createAgency(db, actor, { name: String(args[0]), parentId: parent?.id ?? null });
    if (o.json) printJson(a);
    else say(`已添加机关：${a.name}（编号 ${a.id}）${parent ? `，上级：${parent.name}` : ''}`);
  });
}

/** `gongkai agency list`: the agencies as a tree. */
export function agencyList(_args: unknown[], o: GlobalOptions): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const list = await listAgencies(db, actor);
    if (o.json) printJson(list);
    else if (list.length === 0) say('还没有机关；用 gongkai agency add 添加');
    else say(...list.map((a) => `${'  '.repeat(a.depth)}${a.name}（编号 ${a.id}）`));
  });
}

const TABLE_A = cellSpecs(FORMAT_2021, 'a');

/** A table A cell key from what was typed: the key, the key without 「a.」, or its Chinese label. */
function tableAKey(text: string): string {
  const t = text.trim();
  const spec = TABLE_A.find((s) => s.key === t || s.key === `a.${t}` || cellLabel(FORMAT_2021, s.key) === t);
  if (!spec) throw new AppError('usage', `「${text}」不是表二（主动公开）的单元格；可用：${TABLE_A.map((s) => s.key).join('、')}`);
  return spec.key;
}

/** `gongkai proactive set KEY=VALUE...`: table A figures of a year, all or none. */
export function proactiveSet(args: unknown[], o: GlobalOptions & { agency: string; year: number }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const values: Record<string, number> = {};
    for (const pair of args[0] as string[]) {
      const m = /^(.+?)=(.*)$/.exec(pair);
      if (!m || m[2]?.trim() === '' || !Number.isFinite(Number(m[2])))
        throw new AppError('usage', `「${pair}」应写成 键=数值，如 a.rules.issued=2 或 a.fees.amount=1.25`);
      values[tableAKey(m[1] as string)] = Number(m[2]);
    }
    await setProactive(db, actor, agency.id, o.year, values);
    say(`已保存「${agency.name}」${o.year}年表二的 ${Object.keys(values).length} 个数值`);
  });
}

/** `gongkai proactive show`: table A figures of a year. */
export function proactiveShow(_args: unknown[], o: GlobalOptions & { agency: string; year: number }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const values = await getProactive(db, actor, agency.id, o.year);
    if (o.json) printJson(values);
    else
      say(
        ...columns(
          TABLE_A.map((s) => [`${cellLabel(FORMAT_2021, s.key)}（${s.key}）`, values[s.key] === undefined ? '未填' : String(values[s.key])]),
        ),
      );
  });
}

const KIND_WORDS: Record<string, ReviewKind> = {
  复议: 'review',
  行政复议: 'review',
  直接起诉: 'suit_direct',
  未经复议直接起诉: 'suit_direct',
  复议后起诉: 'suit_after_review',
};
const RESULT_WORDS: Record<string, ReviewResult> = {
  维持: 'upheld',
  结果维持: 'upheld',
  纠正: 'corrected',
  结果纠正: 'corrected',
  其他: 'other',
  其他结果: 'other',
};

function reviewKind(text: string): ReviewKind {
  const k = KIND_WORDS[text] ?? (text in REVIEW_KINDS ? (text as ReviewKind) : undefined);
  if (!k) throw new AppError('usage', `类型「${text}」无效，应为：复议、直接起诉、复议后起诉`);
  return k;
}

function reviewResult(text: string): ReviewResult {
  const r = RESULT_WORDS[text] ?? (text in REVIEW_RESULTS ? (text as ReviewResult) : undefined);
  if (!r) throw new AppError('usage', `结果「${text}」无效，应为：维持、纠正、其他`);
  return r;
}

/** `gongkai review add`: a reconsideration or lawsuit about an answer. */
export function reviewAdd(
  _args: unknown[],
  o: GlobalOptions & { agency: string; kind: string; filed: string; case?: string; note?: string },
): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const application = o.case ? await findApplication(db, actor, agency.id, o.case) : undefined;
    const kind = reviewKind(o.kind);
    const id = await addReview(db, actor, {
      agencyId: agency.id,
      kind,
      filedOn: o.filed,
      ...(application ? { applicationId: application.id } : {}),
      ...(o.note ? { note: o.note } : {}),
    });
    if (o.json) printJson({ id });
    else say(`已登记${REVIEW_KINDS[kind]}（编号 ${id}），尚未审结`);
  });
}

/** `gongkai review close`: its result. */
export function reviewClose(args: unknown[], o: GlobalOptions & { result: string; date: string }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const result = reviewResult(o.result);
    await closeReview(db, actor, Number(args[0]), result, o.date);
    say(`已审结（${REVIEW_RESULTS[result]}，${formatDay(o.date)}）`);
  });
}

/** `gongkai review list`. */
export function reviewList(_args: unknown[], o: GlobalOptions & { agency: string; year?: number }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const rows = await listReviews(db, actor, await agencyTree(db, agency.id), o.year);
    if (o.json) printJson(rows);
    else if (rows.length === 0) say('没有行政复议或行政诉讼');
    else
      say(
        ...rows.map(
          (r) =>
            `编号 ${r.id}  ${REVIEW_KINDS[r.kind]}  ${formatDay(r.filedOn)}  ${r.result ? `${REVIEW_RESULTS[r.result]}（${formatDay(r.closedOn ?? '')}）` : '尚未审结'}${r.note ? `  ${r.note}` : ''}`,
        ),
      );
  });
}

/** `gongkai text set`: a section's text for a year, from the argument or a file. */
export function textSet(args: unknown[], o: GlobalOptions & { agency: string; year: number; section: number; file?: string }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    if (o.file === undefined && args[0] === undefined) throw new AppError('usage', '请给出正文，或用 --file 指定正文文件');
    const text = o.file !== undefined ? (await readFile(o.file, 'utf8')).replace(/^\ufeff/, '').trim() : String(args[0]);
    await setReportText(db, actor, agency.id, o.year, o.section, text);
    say(`已保存「${agency.name}」${o.year}年报告第${o.section}部分（${SECTIONS.find((s) => s.id === o.section)?.heading ?? ''}），${text.length} 字`);
  });
}

/** `gongkai text show`. */
export function textShow(_args: unknown[], o: GlobalOptions & { agency: string; year: number }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const texts = await getReportTexts(db, actor, agency.id, o.year);
    if (o.json) printJson(texts);
    else say(...SECTIONS.flatMap((s) => [s.heading, texts[s.id] ?? '（未填写）', '']));
  });
}

/** `gongkai fee quote`: the 信息处理费 of an application. */
export function feeQuote(args: unknown[], o: GlobalOptions & { agency: string; method: string; pages?: number }): Promise<number> {
  return withRegister(o, async (db, actor) => {
    const agency = await agencyArg(db, o.agency);
    const application = await findApplication(db, actor, agency.id, String(args[0]));
    const method =
      o.method === '按量' || o.method === 'by_pages' ? 'by_pages' : o.method === '按件' || o.method === 'by_count' ? 'by_count' : undefined;
    if (!method) throw new AppError('usage', `计费方式「${o.method}」无效，应为：按件、按量`);
    if (method === 'by_pages' && o.pages === undefined) throw new AppError('usage', '按量计费须用 --pages 写明页数');
    const quote = await quoteFee(db, actor, application.id, method, o.pages ?? 0);
    if (o.json) printJson(quote);
    else say(`${quote.amount}元（${method === 'by_pages' ? '按量' : '按件'}：${quote.basis}）`);
  });
}
