import { type ColumnSpec, cellKey, labelKey, type RowSpec, type TableId } from '../../format/index.ts';
import { assignRow, type RowSlots } from './assign.ts';
import { endsAfter, type LocateContext, type Span, type TableResult } from './context.ts';
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
  let last = span.from;
  hits.forEach((hit, i) => {
    const next = hits[i + 1]?.start ?? span.to;
    const values: Token[] = [];
    const orphans: Token[] = [];
    let stop: string | undefined;
    let lastValue = hit.end;
    for (let t = hit.start + 1; t < next; t++) {
      stop ??= stops.get(t);
      const token = tokens[t] as Token;
      if (token.kind !== 'text') {
        (stop ? orphans : values).push(token);
        lastValue = t;
      }
    }
    const keys = hit.target.columns.map((c) => cellKey(table, hit.target.row.key, c.key));
    const slots: RowSlots = { keys, label: hit.target.row.short, at: tokens[hit.start] as Token };
    if (consistent && table === 'b') slots.consistent = consistent;
    const truncated = i === hits.length - 1 && endsAfter(ctx, lastValue);
    const placed = assignRow(slots, values, truncated && orphans.length === 0);
    result.cells.push(...placed.cells);
    result.messages.push(...placed.messages);
    if (stop && orphans.some((t) => t.raw !== '')) {
      result.messages.push({
        rule: 'read-row-merged',
        severity: 'warning',
        message: `「${stop}」只有一行数值（${orphans.map((t) => t.raw || '空').join(' ')}），未按标准拆分为各分项行，这些数值无法归入标准单元格`,
        source: { ...(orphans[0] as Token).source },
      });
    }
    last = Math.max(last, lastValue);
  });
  if (hits.length > 0) result.span = { from: Math.min(span.from, (hits[0] as Hit).start), to: last + 1 };
  else if (anchored) result.span = { from: span.from, to: span.to };
  const cellCount = targets.reduce((n, t) => n + t.columns.length, 0);
  result.complete = result.missingRows.length === 0 && result.cells.length === cellCount;
  return result;
}
