import { APPLICANT_PARTS, cellKey, type FormatSpec, getTable, labelKey } from '../../format/index.ts';
import { assignRow } from './assign.ts';
import { endsAfter, type LocateContext, type Span, type TableResult } from './context.ts';
import { alignByPosition, centerOf } from './columns.ts';
import { LABEL_SLACK, locateRows, type RowTarget } from './rows.ts';
import type { Token } from './tokens.ts';

const A_ANCHORS = ['第二十条第一项', '第二十条第1项', '第二十条'];
// Header words of table C; the later ones survive layouts that stack the others vertically.
const C_ANCHORS = ['结果维持', '维持', '尚未审结', '未经复议直接起诉', '复议后起诉'];
/** Longest token a table caption or header word may stand in. */
const SHORT = 24;

function targetsOf(format: FormatSpec, id: 'a' | 'b' | 'c'): RowTarget[] {
  return getTable(format, id).blocks.flatMap((b) => b.rows.map((row) => ({ row, columns: b.columns })));
}

/**
 * Finds where table A starts: its first block caption, else (when the span is known to be
 * section 二) its first row label.
 */
export function findTableA(ctx: LocateContext, format: FormatSpec, span: Span, anchorOnly: boolean): number | undefined {
  const from = ctx.stream.offsetOf(span.from);
  const to = ctx.stream.offsetOf(span.to);
  const anchor = ctx.stream.find(A_ANCHORS, from, to, SHORT) ?? ctx.stream.find(['信息内容'], from, to, SHORT);
  if (anchor) return anchor.start;
  if (anchorOnly) return undefined;
  const first = targetsOf(format, 'a')[0];
  return first ? ctx.stream.find(first.row.match, from, to, SHORT)?.start : undefined;
}

/** Locates table A's rows from its anchor to the end of its span. */
export function locateTableA(ctx: LocateContext, format: FormatSpec, span: Span): TableResult {
  return locateRows(ctx, 'a', targetsOf(format, 'a'), span, undefined, true);
}

/** Finds where table B starts: its first row label (or its note or header). */
export function findTableB(ctx: LocateContext, format: FormatSpec, span: Span): number | undefined {
  const from = ctx.stream.offsetOf(span.from);
  const to = ctx.stream.offsetOf(span.to);
  const first = targetsOf(format, 'b')[0];
  const hit = first && ctx.stream.find(first.row.match, from, to, labelKey(first.row.label).length + LABEL_SLACK);
  if (hit) return hit.start;
  // A page that starts inside the table: the earliest row label, by its most specific form.
  const specific = targetsOf(format, 'b').map((t) => t.row.match[0] as string);
  return ctx.stream.find(specific, from, to, SHORT + LABEL_SLACK)?.start;
}

/** 总计 equals the sum of the six applicant columns. */
function applicantSum(values: number[]): boolean {
  const parts = values.slice(0, APPLICANT_PARTS.length).reduce((a, b) => a + b, 0);
  return values.length === APPLICANT_PARTS.length + 1 && Math.abs(parts - (values[APPLICANT_PARTS.length] ?? 0)) < 1e-9;
}

/** Locates table B's rows within its span. */
export function locateTableB(ctx: LocateContext, format: FormatSpec, span: Span): TableResult {
  return locateRows(ctx, 'b', targetsOf(format, 'b'), span, applicantSum, true);
}

/** Finds where table C starts: its column header. */
export function findTableC(ctx: LocateContext, span: Span): number | undefined {
  return ctx.stream.find(C_ANCHORS, ctx.stream.offsetOf(span.from), ctx.stream.offsetOf(span.to), SHORT)?.start;
}

/**
 * Where table C's fifteen value columns stand on the page (PDF): the middles of the column
 * header words (「结果维持」… or their wrapped pieces), when there are exactly fifteen.
 */
function headerCenters(ctx: LocateContext, format: FormatSpec, from: number, to: number, count: number): number[] | undefined {
  const labels = (getTable(format, 'c').blocks[0]?.columns ?? []).map((c) => labelKey(c.label));
  const xs: number[] = [];
  for (let t = Math.max(0, from - 40); t <= to; t++) {
    const token = ctx.tokens[t] as Token;
    const x = centerOf(token);
    if (token.kind === 'text' && x !== undefined && token.norm !== '' && labels.some((l) => l.includes(token.norm))) xs.push(x);
  }
  xs.sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const x of xs) {
    const last = clusters[clusters.length - 1];
    if (last && x - (last[last.length - 1] as number) < 4) last.push(x);
    else clusters.push([x]);
  }
  if (clusters.length !== count) return undefined;
  return clusters.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

const valueLike = (t: Token) => t.kind === 'num' || (t.kind === 'blank' && t.raw !== '');

/**
 * Locates table C: its fifteen values stand in one row after the three-level header. When the
 * header is laid out as one row per group instead, each group's five values follow its label.
 */
export function locateTableC(ctx: LocateContext, format: FormatSpec, span: Span): TableResult {
  const { tokens } = ctx;
  const anchor = findTableC(ctx, span);
  const result: TableResult = { cells: [], missingRows: [], messages: [], complete: false };
  const targets = targetsOf(format, 'c');
  if (anchor === undefined) {
    result.missingRows = targets.map((t) => t.row.key);
    return result;
  }
  let first = anchor;
  while (first < span.to && !valueLike(tokens[first] as Token)) first++;
  let headerEnd = first - 1;
  while (headerEnd > anchor && tokens[headerEnd]?.kind !== 'text') headerEnd--;
  const run: Token[] = [];
  let last = headerEnd;
  for (let t = headerEnd + 1; t < span.to; t++) {
    const token = tokens[t] as Token;
    if (token.kind === 'text') break;
    run.push(token);
    last = t;
  }
  const keys = targets.flatMap((t) => t.columns.map((c) => cellKey('c', t.row.key, c.key)));
  const aligned = alignByPosition(run, headerCenters(ctx, format, anchor, headerEnd, keys.length));
  if (aligned !== run && aligned.every((t) => t !== undefined)) run.splice(0, run.length, ...(aligned as Token[]));
  const solid = run.filter(valueLike).length;
  if (solid > 0 && solid < keys.length && !endsAfter(ctx, last)) {
    const byRow = locateRows(ctx, 'c', targets, { from: anchor, to: span.to });
    if (byRow.complete) return byRow;
  }
  const placed = assignRow({ keys, label: '行政复议、行政诉讼', at: tokens[anchor] as Token }, run, endsAfter(ctx, last));
  result.cells = placed.cells;
  result.messages = placed.messages;
  const header = ctx.stream.find(['行政复议'], ctx.stream.offsetOf(Math.max(span.from, anchor - 16)), ctx.stream.offsetOf(anchor));
  result.span = { from: header ? header.start : anchor, to: last + 1 };
  result.complete = placed.cells.length === keys.length;
  return result;
}
