import { createRequire } from 'node:module';
import { APPLICANT_COLUMNS, type TableId } from '../format/index.ts';
import { cellValues, type Report } from '../report/index.ts';
import { type Grid, tableGrid } from './grid.ts';
import type { Random } from './random.ts';

/** The text layouts real reports arrive in. */
export const LAYOUTS = ['pdf', 'pipe', 'tabs', 'lines', 'tsv', 'cell-pipes', 'cell-lines'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Variations of wording and damage applied on top of a layout. */
export interface Variants {
  noTitle?: boolean;
  /** Row numbering 「1、」 instead of 「1.」. */
  ideographicComma?: boolean;
  /** Traditional characters with pinyin inserted, as mirror sites serve. */
  traditional?: boolean;
  /** Spam words in place of 「政府信息公开」 in headings. */
  spam?: boolean;
  /** Headings numbered 1、2、… instead of 一、二、…. */
  arabicHeadings?: boolean;
  /** Amounts with their unit (「956.53万元」), thousands separators, some full-width digits. */
  units?: boolean;
  /** Table B's 「（六）其他处理」 kept as one row (2021 format), as some agencies still do. */
  mergedOther?: boolean;
}

/** The 2021 edition's three （六） rows, which the merged variant writes as one. */
export const OTHER_ROWS = ['other.no_correction', 'other.fee_unpaid', 'other.other'] as const;

/**
 * The cells a report written with the merged （六） row holds: the three rows' sums as
 * `b.other.all.<column>` (blank where all three are blank), the three rows gone.
 */
export function mergedOtherValues(report: Report): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(cellValues(report))) if (!OTHER_ROWS.some((r) => key.startsWith(`b.${r}.`))) out[key] = value;
  for (const column of APPLICANT_COLUMNS) {
    const parts = OTHER_ROWS.map((r) => report.cells[`b.${r}.${column.key}`]?.value ?? null);
    out[`b.other.all.${column.key}`] = parts.every((v) => v === null) ? null : parts.reduce<number>((a, v) => a + (v ?? 0), 0);
  }
  return out;
}

function mergeOther(grid: Grid, report: Report, blank: () => string): Grid {
  const at = grid.findIndex((row) => row[0] === '（六）其他处理');
  if (at < 0) return grid;
  const values = mergedOtherValues(report);
  const row = [
    '（六）其他处理',
    ...APPLICANT_COLUMNS.map((c) => values[`b.other.all.${c.key}`] ?? null).map((v) => (v === null ? blank() : String(v))),
  ];
  return [...grid.slice(0, at), row, ...grid.slice(at + OTHER_ROWS.length)];
}

const FULL_WIDTH = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** A value as the units variant writes it: amounts with 万元, big counts with separators. */
function withUnits(key: string, text: string, rng: Random): string {
  if (key.endsWith('.amount')) return `${text}${rng.pick(['万元', ' 万元'])}`;
  if (/^\d{4,}$/.test(text)) return Number(text).toLocaleString('en-US');
  return rng.chance(0.2) ? FULL_WIDTH(text) : text;
}

const MARKS = ['/', '—', '-', '无', '／'];
const HEADING_VARIANTS: Record<number, string[]> = {
  4: ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  5: ['五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况'],
};

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}

const isValue = (cell: string) => /^[+-]?[\d,０-９]+(\.\d+)?(?: ?万元)?$/.test(cell) || MARKS.includes(cell) || cell === '';

function pdfLines(grid: Grid, rng: Random): string[] {
  const width = rng.int(8, 18);
  const lines: string[] = [];
  for (const row of grid) {
    if (rng.chance(0.05)) lines.push(rng.pick(['-3-', '- 4 -', '第2页', '— 5 —']));
    const labels = row.filter((c) => !isValue(c));
    const values = row.filter(isValue);
    const labelLines = labels.flatMap((l) => wrap(l, l.length > width ? width : l.length + 1));
    if (values.length === 0) lines.push(...labelLines);
    else if (labelLines.length <= 1 && rng.chance(0.7)) lines.push(`${labelLines[0] ?? ''} ${values.join(' ')}`.trim());
    else {
      lines.push(...labelLines, '');
      const cut = rng.chance(0.3) ? rng.int(1, values.length - 1) : values.length;
      lines.push(values.slice(0, cut).join(' '));
      if (cut < values.length) lines.push(values.slice(cut).join(' '));
    }
    if (rng.chance(0.3)) lines.push('');
  }
  return lines;
}

function serialize(grid: Grid, layout: Layout, rng: Random): string[] {
  switch (layout) {
    case 'pdf':
      return pdfLines(grid, rng);
    case 'pipe':
      return grid.map((row) => `${row.join(' | ')} |${rng.chance(0.3) ? ' |||' : ''}`);
    case 'tsv':
      return grid.map((row) => row.join('\t'));
    case 'tabs':
      return grid.flatMap((row) => [...row.map((c) => `\t${c}`), '']);
    case 'lines':
      return grid.flatMap((row) => row.flatMap((c) => [c, '']));
    case 'cell-pipes':
      // A web page turned into text: one cell per line closed by 「|」, a blank cell a lone 「|」.
      return grid.flatMap((row) => row.map((c) => (c === '' ? '|' : `${c} |`)));
    case 'cell-lines':
      // One cell per line with nothing between rows: a blank cell is an empty line.
      return grid.flatMap((row) => row);
  }
}

function traditional(text: string, rng: Random): string {
  const require = createRequire(import.meta.url);
  const opencc = require('opencc-js/cn2t') as { Converter(o: { from: string; to: string }): (t: string) => string };
  const converted = opencc.Converter({ from: 'cn', to: 'tw' })(text);
  return converted.replace(/[據務當過關]/g, (ch) => (rng.chance(0.5) ? `${ch}(${rng.pick(['jù', 'wù', 'dāng', 'guò', 'guān'])})` : ch));
}

/**
 * Writes a report as text in one of the layouts real reports arrive in (PDF text, pipe
 * tables, word-processor cells, one cell per line, TSV), with optional variants.
 */
export function writeLayout(report: Report, layout: Layout, rng: Random, variants: Variants = {}): string {
  const { agency, year, date } = report.meta;
  const blankAsMark = layout === 'pdf';
  const blank = () => (blankAsMark || rng.chance(0.3) ? rng.pick(MARKS) : '');
  const numbering = (label: string) => (variants.ideographicComma ? label.replace(/^(\d)\./, '$1、') : label);
  const lines: string[] = [];
  if (!variants.noTitle) {
    const title = `${agency}${year}年政府信息公开工作年度报告`;
    lines.push(...(layout === 'pdf' ? wrap(title, rng.int(16, 30)) : [title]), '');
  }
  lines.push(`本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`, '');
  const tableOf: Record<number, TableId> = { 2: 'a', 3: 'b', 4: 'c' };
  for (const section of report.sections) {
    let heading = rng.pick(HEADING_VARIANTS[section.id] ?? [section.heading]);
    if (variants.spam && (section.id === 3 || section.id === 4)) heading = heading.replace('政府信息公开', '飞禽走兽老虎机');
    if (variants.arabicHeadings) heading = heading.replace(/^[一二三四五六]、/, `${section.id}、`);
    lines.push(heading);
    if (section.text) lines.push(...section.text.split('\n'));
    const table = tableOf[section.id];
    if (table) {
      const written = variants.units ? (key: string, text: string) => withUnits(key, text, rng) : undefined;
      let grid = tableGrid(report, table, blank, numbering, written);
      if (table === 'b' && variants.mergedOther) grid = mergeOther(grid, report, blank);
      lines.push('', ...serialize(grid, layout, rng), '');
    }
  }
  lines.push('', agency ?? '', date ? date.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') : '');
  const text = lines.join('\n');
  return variants.traditional ? traditional(text, rng) : text;
}
