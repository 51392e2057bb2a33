import { type ColumnSpec, cellKey, labelKey, type RowSpec, type TableId } from '../../format/index.ts';
import { assignRow, type RowSlots } from './assign.ts';
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
    if (token.kind !== 'text') {
      (out.stop ? out.orphans : out.values).push(token);
      out.lastValue = t;
    }
  }
  return out;
}

/**
 * Where each value column stands on the page (PDF), learnt from the rows that have all their
 * values: the median x of each column, per block of columns.
 */
/** The horizontal middle of a token's cell on the page, when known. */
export function centerOf(t: Token): number | undefined {
  return t.source.x === undefined ? undefined : t.source.x + (t.source.width ?? 0) / 2;
}

function columnCenters(rows: { values: Token[]; n: number; columns: readonly ColumnSpec[] }[]): Map<readonly ColumnSpec[], number[]> {
  const out = new Map<readonly ColumnSpec[], number[]>();
  const groups = new Map<readonly ColumnSpec[], number[][]>();
  for (const row of rows) {
    const solid = row.values.filter((t) => t.raw !== '');
    if (solid.length !== row.n || solid.some((t) => t.source.x === undefined)) continue;
    const list = groups.get(row.columns) ?? [];
    list.push(solid.map((t) => centerOf(t) as number));
    groups.set(row.columns, list);
  }
  for (const [columns, xs] of groups) {
    if (xs.length < 2) continue;
    out.set(
      columns,
      columns.map((_, i) => {
        const sorted = xs.map((r) => r[i] as number).sort((a, b) => a - b);
        return sorted[Math.floor(sorted.length / 2)] as number;
      }),
    );
  }
  return out;
}

/**
 * A row with fewer values than columns, laid out on a page: each value goes to the column it
 * stands under, and the columns left empty are blank cells. Unchanged when positions are
 * unknown or do not fit the columns unambiguously.
 */
export function alignByPosition(values: Token[], centers: number[] | undefined): Token[] {
  const solid = values.filter((t) => t.raw !== '');
  if (!centers || solid.length === 0 || solid.length >= centers.length || solid.some((t) => t.source.x === undefined)) return values;
  const spacing = Math.min(...centers.slice(1).map((c, i) => c - (centers[i] as number)));
  if (!(spacing > 0)) return values;
  const slots: (Token | undefined)[] = centers.map(() => undefined);
  let previous = -1;
  for (const token of solid) {
    const x = centerOf(token) as number;
    let best = 0;
    centers.forEach((c, i) => {
      if (Math.abs(c - x) < Math.abs((centers[best] as number) - x)) best = i;
    });
    if (best <= previous || Math.abs((centers[best] as number) - x) > spacing / 2) return values;
    slots[best] = token;
    previous = best;
  }
  const first = solid[0] as Token;
  return slots.map(
    (t, i) => t ?? { ...first, kind: 'blank', raw: '', norm: '', value: Number.NaN, source: { ...first.source, x: centers[i], width: 0 } },
  );
}

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
    const m = stream.find(target.row.match, cursor, limit, labelKey(target.row.label).length + LABEL_SLACK);
    if (!m) continue;
    hits.push({ target, start: m.start, end: m.end });
    cursor = m.at + m.length;
  }
  const result: TableResult = { cells: [], missingRows: [], messages: [], complete: false };
  const foundKeys = new Set(hits.map((h) => h.target.row.key));
  result.missingRows = targets.filter((t) => !foundKeys.has(t.row.key)).map((t) => t.row.key);
  const stops = mergedGroups(ctx, targets, foundKeys, span);
  const found = hits.map((hit, i) => collect(ctx, hit, hits[i + 1]?.start ?? span.to, stops));
  const centers = columnCenters(
    found.map((f, i) => ({ values: f.values, n: (hits[i] as Hit).target.columns.length, columns: (hits[i] as Hit).target.columns })),
  );
  let last = span.from;
  hits.forEach((hit, i) => {
    const { orphans, stop, lastValue } = found[i] as Collected;
    const values = alignByPosition((found[i] as Collected).values, centers.get(hit.target.columns));
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
  if (hits.length > 0) result.span = { from: Math.min(span.from, (hits[0] as Hit).start), to: last + 1 };
  else if (anchored) result.span = { from: span.from, to: span.to };
  const cellCount = targets.reduce((n, t) => n + t.columns.length, 0);
  result.complete = result.missingRows.length === 0 && result.cells.length === cellCount;
  return result;
}
