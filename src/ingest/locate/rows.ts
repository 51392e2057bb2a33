import { type ColumnSpec, cellKey, labelKey, type RowSpec, type TableId } from '../../format/index.ts';
import { assignRow, type RowSlots } from './assign.ts';
import { alignByPosition, type Centers, centersFromHeader, centersFromRows } from './columns.ts';
import { endsAfter, type LocateContext, type Span, type TableResult } from './context.ts';
import { placeMergedGroup } from './merged.ts';
import type { Token } from './tokens.ts';

/** A row to look for and the columns its values fill. */
export interface RowTarget {
  row: RowSpec;
  columns: readonly ColumnSpec[];
}

/** How much longer than its label a token holding a row label may be (wrapped group labels). */
export const LABEL_SLACK = 14;

interface Hit {
  target: RowTarget;
  start: number;
  end: number;
}

interface Collected {
  values: Token[];
  orphans: Token[];
  stop: string | undefined;
  lastValue: number;
}

/** The value tokens after a row label up to the next label (and a merged group label). */
function collect(ctx: LocateContext, hit: Hit, next: number, stops: Map<number, string>): Collected {
  const out: Collected = { values: [], orphans: [], stop: undefined, lastValue: hit.end };
  for (let t = hit.start + 1; t < next; t++) {
    out.stop ??= stops.get(t);
    const token = ctx.tokens[t] as Token;
    // A ruled table (PDF cell boxes) puts a row's label and values on one line: a box on
    // another line belongs to a header, a caption or the next page's carried-over cells.
    if (!out.stop && token.source.height !== undefined && token.kind !== 'text' && token.line !== (ctx.tokens[hit.end] as Token).line) continue;
    if (token.kind !== 'text') {
      (out.stop ? out.orphans : out.values).push(token);
      out.lastValue = t;
    }
  }
  return out;
}

const TABLE_NAMES: Record<TableId, string> = { a: '表二（主动公开）', b: '表三（依申请公开）', c: '表四（行政复议、行政诉讼）' };

/**
 * Where each block's value columns stand on the page (PDF): from its complete rows, else from
 * its column header words, which stand between the block's first row and what precedes it.
 */
function blockCenters(ctx: LocateContext, hits: readonly Hit[], found: readonly Collected[], span: Span): Map<readonly ColumnSpec[], Centers> {
  const out = new Map<readonly ColumnSpec[], Centers>();
  const blocks = new Map<readonly ColumnSpec[], number[]>();
  hits.forEach((hit, i) => blocks.set(hit.target.columns, [...(blocks.get(hit.target.columns) ?? []), i]));
  for (const [columns, indexes] of blocks) {
    const first = indexes[0] as number;
    const fromRows = centersFromRows(
      indexes.map((i) => (found[i] as Collected).values),
      columns.length,
    );
    const from = first > 0 ? (hits[first - 1] as Hit).start + 1 : Math.max(0, span.from - HEADER_REACH);
    const centers = fromRows ?? centersFromHeader(ctx, columns, from, (hits[first] as Hit).start);
    if (centers) out.set(columns, centers);
  }
  return out;
}

/** How many tokens before a table's first row its column header may stand. */
const HEADER_REACH = 120;

/**
 * Group labels (「（六）其他处理」) none of whose rows were found: where the report kept the
 * group as one row, its values must not be taken for the row above it.
 */
function mergedGroups(ctx: LocateContext, targets: readonly RowTarget[], found: ReadonlySet<string>, span: Span): Map<number, string> {
  const stops = new Map<number, string>();
  const groups = new Set(targets.map((t) => t.row.groups.at(-1)).filter((g): g is string => g !== undefined));
  for (const group of groups) {
    const rows = targets.filter((t) => t.row.groups.at(-1) === group);
    if (rows.length < 2 || rows.some((t) => found.has(t.row.key))) continue;
    const key = labelKey(group);
    const m = ctx.stream.find([key], ctx.stream.offsetOf(span.from), ctx.stream.offsetOf(span.to), key.length + LABEL_SLACK);
    if (m) stops.set(m.start, group);
  }
  return stops;
}

/**
 * Finds rows by their labels, in the standard's order, inside a span of tokens, and places
 * the values that follow each label (up to the next label found) into its cells. A span
 * that starts at the table's caption (`anchored`) counts as the table even with no row in it.
 */
export function locateRows(
  ctx: LocateContext,
  table: TableId,
  targets: readonly RowTarget[],
  span: Span,
  consistent?: (values: number[]) => boolean,
  anchored = false,
): TableResult {
  const { stream, tokens } = ctx;
  const hits: Hit[] = [];
  let cursor = stream.offsetOf(span.from);
  const limit = stream.offsetOf(span.to);
  for (const target of targets) {
    const longest = labelKey(target.row.label).length + LABEL_SLACK;
    let m = stream.find(target.row.match, cursor, limit, longest);
    if (!m) continue;
    // A short form (「总计」) in a column header repeated on a new page, before the row's own
    // full label with no value between them, is the header: the row is the full label.
    const full = target.row.match[0];
    if (full !== undefined && stream.text.slice(m.at, m.at + m.length) !== full) {
      const exact = stream.find([full], m.at + m.length, limit, longest);
      if (exact && tokens.slice(m.end + 1, exact.start).every((t) => t.kind === 'text' || t.kind === 'blank')) m = exact;
    }
    hits.push({ target, start: m.start, end: m.end });
    cursor = m.at + m.length;
  }
  const result: TableResult = { cells: [], missingRows: [], messages: [], complete: false };
  const foundKeys = new Set(hits.map((h) => h.target.row.key));
  result.missingRows = targets.filter((t) => !foundKeys.has(t.row.key)).map((t) => t.row.key);
  const stops = mergedGroups(ctx, targets, foundKeys, span);
  const found = hits.map((hit, i) => collect(ctx, hit, hits[i + 1]?.start ?? span.to, stops));
  const centers = blockCenters(ctx, hits, found, span);
  let last = span.from;
  const unread = new Set<string>();
  hits.forEach((hit, i) => {
    const { orphans, stop, lastValue } = found[i] as Collected;
    const values = alignByPosition((found[i] as Collected).values, centers.get(hit.target.columns));
    hit.target.columns.forEach((c, k) => {
      if (values.length === hit.target.columns.length && (values[k] === undefined || values[k]?.kind === 'cut')) unread.add(c.label);
    });
    const keys = hit.target.columns.map((c) => cellKey(table, hit.target.row.key, c.key));
    const slots: RowSlots = { keys, label: hit.target.row.short, at: tokens[hit.start] as Token };
    if (consistent && table === 'b') slots.consistent = consistent;
    const truncated = i === hits.length - 1 && endsAfter(ctx, lastValue);
    const placed = assignRow(slots, values, truncated && orphans.length === 0);
    result.cells.push(...placed.cells);
    result.messages.push(...placed.messages);
    if (stop && orphans.some((t) => t.raw !== '')) {
      const merged = placeMergedGroup(table, targets, stop, orphans, orphans[0] as Token);
      result.cells.push(...merged.cells);
      result.messages.push(...merged.messages);
    }
    last = Math.max(last, lastValue);
  });
  if (unread.size > 0) {
    result.messages.push({
      rule: 'read-columns-unread',
      severity: 'warning',
      message: `${TABLE_NAMES[table]}的「${[...unread].join('」「')}」列在页面上未能读取（表格超出页面边界或没有列标题），这些单元格按缺失处理，未作推测`,
      source: { ...(tokens[(hits[0] as Hit).start] as Token).source },
    });
  }
  if (hits.length > 0) result.span = { from: Math.min(span.from, (hits[0] as Hit).start), to: last + 1 };
  else if (anchored) result.span = { from: span.from, to: span.to };
  const cellCount = targets.reduce((n, t) => n + t.columns.length, 0);
  result.complete = result.missingRows.length === 0 && result.cells.length === cellCount;
  return result;
}
