import { normalizeText, toSimplified } from '../../format/index.ts';
import type { AgencySource } from '../../report/index.ts';
import type { SourceDocument } from '../document.ts';
import { type AgencyCandidate, chooseAgency } from './agency.ts';

export interface FoundMeta {
  title: string | null;
  agency: string | null;
  /** Where the agency name was read. */
  agencySource: AgencySource | null;
  year: number | null;
  date: string | null;
  /** Lines of the closing signature (agency and date), when present. */
  signature?: { from: number; to: number };
}

const AGENCY_CHARS = '[^\\s，。；;、,:：“”"《》<>|()（）\\[\\]【】]';
const TITLE_AGENCY_YEAR = new RegExp(
  `(${AGENCY_CHARS}{2,40}?)(?:关于)?(\\d{4})\\s*年度?\\s*(?:的)?(?:政府|政务)?信息公开(?:工作)?(?:年度|年)?(?:报告|年报)`,
);
const TITLE_AGENCY_LATE_YEAR = new RegExp(`(${AGENCY_CHARS}{2,40}?)(?:政府|政务)?信息公开(?:工作)?(\\d{4})\\s*年度?(?:报告|年报)`);
const TITLE_YEAR_AGENCY = new RegExp(`^(\\d{4})\\s*年度?(${AGENCY_CHARS}{2,40}?)(?:政府|政务)?信息公开(?:工作)?(?:年度|年)?(?:报告|年报)`);
const TITLE_YEAR = /(\d{4})\s*年度?\s*(?:的)?(?:政府|政务)?信息公开(?:工作)?(?:年度|年)?(?:报告|年报)/;
const TITLE_LIKE = /信息公开.{0,8}(?:报告|年报)|年度报$/;
const AGENCY_SUFFIX =
  /(?:局|委员会|委|办公室|办|人民政府|政府|办事处|街道|镇|乡|中心|院|厅|部|署|所|站|队|处|管委会|管理委员会|分局|公司|集团|银行|馆|会)$/;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const ISO_DATE = /(?:发布|发文|成文|更新)(?:时间|日期)\s*[:：]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
const NOT_AGENCY = /关于|做好|编制|公布|根据|按照|通知|条例|以下|报告|我|本机关|本单位|重点领域/;
const PROSE_START = /^(?:根据|按照|依据|本报告|本年度报告|为|现将|\d{4}年[,，])/;
const TITLE_MAX = 60;
const PREFIX_NOISE = /^(?:标\s*题|题目|名称|首页|当前位置|您现在的位置)/;

function plausibleYear(y: number): boolean {
  return y >= 2008 && y <= 2100;
}

function iso(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function cleanAgency(text: string): string | null {
  const t = text
    .replace(PREFIX_NOISE, '')
    .replace(/^[\d\s.、:：]+/, '')
    .trim();
  return t.length >= 2 && !NOT_AGENCY.test(t) ? t : null;
}

/** A name with its last character typed twice (「区自然资源局局」) without the repeat. */
function undoubled(name: string): string {
  return name.length > 2 && name.at(-1) === name.at(-2) ? name.slice(0, -1) : name;
}

/** Sentences of the opening that name the reporting agency. */
const OPENING_AGENCY: readonly RegExp[] = [
  new RegExp(`由(${AGENCY_CHARS}{2,30}?)(?:负责)?(?:编制|制作|编写|发布)`),
  new RegExp(`现(?:将|予)?(?:公布|发布)(${AGENCY_CHARS}{2,30}?)\\d{4}年`),
  new RegExp(`现(?:将|予)?(?:公布|发布)(${AGENCY_CHARS}{2,30}?)(?:政府|政务)?信息公开(?:工作)?\\d{4}年度?(?:报告|年报)`),
  new RegExp(`结合(${AGENCY_CHARS}{2,30}?)\\d{4}年度?(?:的)?(?:政府|政务)?信息公开`),
  new RegExp(`[，,。)）](${AGENCY_CHARS}{2,20}?)编制了?本`),
  new RegExp(`结合\\d{4}年度?(${AGENCY_CHARS}{2,30}?)政府信息公开工作`),
  new RegExp(`(?:公布|发布)\\d{4}年度?(${AGENCY_CHARS}{2,30}?)(?:政府|政务)?信息公开`),
  new RegExp(`\\d{4}年度?[，,](${AGENCY_CHARS}{3,30}?)(?:坚持|以习近平|认真|严格|紧紧|深入|始终|全面|在|按照|围绕|持续|进一步|高度)`),
  new RegExp(`《(${AGENCY_CHARS}{2,30}?)\\d{4}年度?(?:的)?(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)》`),
  new RegExp(`(?:请|可)与(${AGENCY_CHARS}{2,30}?)(?:办公室)?(?:联系|联络)`),
  new RegExp(`(?:涵盖|反映)了?\\d{4}年度?(${AGENCY_CHARS}{2,30}?)(?:政府|政务)?信息公开工作`),
];

/** The first lines of a document with wrapped title lines rejoined. */
function head(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.length > 0 && line.length <= 8 && /^[告报度]/.test(line) && TITLE_LIKE.test(prev + line)) {
      out[out.length - 1] = prev + line;
    } else if (prev !== undefined && /信息公开(?:工作)?$/.test(prev) && /^(?:年度)?(?:报告|年报)/.test(line)) {
      out[out.length - 1] = prev + line;
    } else out.push(line);
  }
  return out;
}

/**
 * Reads agency, statistical year, title and date from a report's text: the title line first,
 * then the signature at the end, then the opening sentences.
 */
export function findMeta(doc: SourceDocument, simplify: boolean, firstSectionLine: number): FoundMeta {
  const norm = (s: string) => {
    const t = normalizeText(s)
      .replace(/[\s\u3000]+/g, ' ')
      .trim();
    return simplify ? toSimplified(t) : t;
  };
  const lines = doc.lines.map((l) => norm(l.cells ? l.cells.join(' ') : l.text));
  const top = head(lines.slice(0, Math.max(12, Math.min(firstSectionLine + 1, 40))).filter((l) => l !== ''));
  const meta: FoundMeta = { title: null, agency: null, agencySource: null, year: null, date: null };
  // Every place that names the agency, most trusted first; chosen among at the end.
  const named: AgencyCandidate[] = [];
  let titleAgency: string | null = null;

  for (const [i, line] of top.entries()) {
    const squashed = line
      .replace(/\s/g, '')
      .replace(/\|.*$/, '')
      .replace(/^[#>*]+/, '')
      .replace(PREFIX_NOISE, '');
    if (!TITLE_LIKE.test(squashed) || squashed.length > TITLE_MAX || PROSE_START.test(squashed) || /[《。]/.test(squashed)) continue;
    const m = TITLE_AGENCY_YEAR.exec(squashed) ?? TITLE_AGENCY_LATE_YEAR.exec(squashed);
    if (m && plausibleYear(Number(m[2]))) {
      meta.title = squashed;
      titleAgency = cleanAgency(m[1] as string);
      meta.year = Number(m[2]);
      break;
    }
    const ya = TITLE_YEAR_AGENCY.exec(squashed);
    const yearFirstAgency = ya ? cleanAgency(ya[2] as string) : null;
    if (ya && plausibleYear(Number(ya[1])) && yearFirstAgency && yearFirstAgency !== '政府' && AGENCY_SUFFIX.test(yearFirstAgency)) {
      meta.title = squashed;
      meta.year = Number(ya[1]);
      titleAgency = yearFirstAgency;
      break;
    }
    const y = TITLE_YEAR.exec(squashed);
    if (y && plausibleYear(Number(y[1]))) {
      meta.title = squashed;
      meta.year = Number(y[1]);
      const before = (top[i - 1] ?? '').replace(/\s/g, '');
      if (before.length >= 2 && before.length <= 30 && AGENCY_SUFFIX.test(before)) {
        titleAgency = before;
        meta.title = before + meta.title;
      }
      break;
    }
  }
  const titleLine = doc.pageTitleLine === undefined ? undefined : norm(doc.lines[doc.pageTitleLine]?.text ?? '').replace(/\s/g, '');
  if (titleAgency) named.push({ name: titleAgency, source: titleLine && meta.title?.endsWith(titleLine) ? 'page-title' : 'title' });

  // Signature: an agency name line followed by a date line, at the end.
  const tail = lines
    .map((text, line) => ({ text, line }))
    .filter((l) => l.text !== '')
    .slice(-6);
  for (let i = tail.length - 1; i > 0; i--) {
    const dateLine = tail[i] as { text: string; line: number };
    const d = DATE.exec(dateLine.text);
    if (!d || dateLine.text.length > 16) continue;
    meta.date ??= iso(d[1] as string, d[2] as string, d[3] as string);
    const nameLine = tail[i - 1] as { text: string; line: number };
    const name = nameLine.text.replace(/\s/g, '');
    const signed = name.length <= 30 && AGENCY_SUFFIX.test(name);
    if (signed) named.push({ name, source: 'signature' });
    meta.signature = { from: signed ? nameLine.line : dateLine.line, to: dateLine.line };
    break;
  }

  const body = lines.join('\n');
  if (!meta.date) {
    const d = ISO_DATE.exec(lines.slice(0, 12).join('\n'));
    if (d) meta.date = iso(d[1] as string, d[2] as string, d[3] as string);
  }
  // Every sentence that names the agency: a later one may give the fuller name.
  for (const pattern of OPENING_AGENCY) {
    const name = undoubled(pattern.exec(body)?.[1] ?? '');
    if (name.length >= 2 && AGENCY_SUFFIX.test(name) && !NOT_AGENCY.test(name)) named.push({ name, source: 'opening' });
  }
  const page = doc.pageTitle ? norm(doc.pageTitle).replace(/\s/g, '') : '';
  const pageName = (TITLE_AGENCY_YEAR.exec(page) ?? TITLE_AGENCY_LATE_YEAR.exec(page))?.[1];
  const pageAgency = pageName ? cleanAgency(pageName) : null;
  if (pageAgency && AGENCY_SUFFIX.test(pageAgency)) named.push({ name: pageAgency, source: 'page-title' });
  const chosen = chooseAgency(named, `${body}\n${page}`);
  if (chosen) {
    meta.agency = chosen.name;
    meta.agencySource = chosen.source;
  }
  if (!meta.year) {
    const period =
      /(?:统计期限|统计时限|统计时间|数据统计)[^。\n]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/.exec(body) ??
      /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-)\s*(?:\d{4}\s*年\s*)?12\s*月\s*31\s*日/.exec(body);
    if (period && plausibleYear(Number(period[1]))) meta.year = Number(period[1]);
  }
  if (!meta.year) {
    const opening = lines.slice(0, Math.max(firstSectionLine + 8, 12)).join('\n');
    const m = /(\d{4})\s*年(?:度)?(?:[，,]|以来|我|本|全年|共|累计)/.exec(opening);
    if (m && plausibleYear(Number(m[1]))) meta.year = Number(m[1]);
  }
  if (!meta.year) {
    // 「现公布××局政府信息公开工作2022年度报告」
    // 「结合市××局2022年度政府信息公开工作」
    const stated =
      /(?:现(?:将|予)?(?:公布|发布)|结合)[^。\n]{0,40}?(?:信息公开(?:工作)?(\d{4})\s*年度?(?:报告|年报)|(\d{4})\s*年度?(?:的)?(?:政府|政务)?信息公开)/.exec(
        lines.slice(0, Math.max(firstSectionLine + 8, 12)).join('\n'),
      );
    const y = Number(stated?.[1] ?? stated?.[2]);
    if (plausibleYear(y)) meta.year = y;
  }
  return meta;
}
