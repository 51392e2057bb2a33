import { type ColumnSpec, labelKey } from '../../format/index.ts';
import type { LocateContext } from './context.ts';
import type { Token } from './tokens.ts';

/**
 * Where the value columns of a table stand on the page (PDF), so that a row with fewer
 * values than columns — blank cells printed as nothing, columns cut off at the page edge —
 * can still be placed: learnt from the rows that have all their values, or from the column
 * header words above the rows. A column whose place is unknown stays unknown.
 */
export type Centers = (number | undefined)[];

/** The horizontal middle of a token's cell on the page, when known. */
export function centerOf(t: Token): number | undefined {
  return t.source.x === undefined ? undefined : t.source.x + (t.source.width ?? 0) / 2;
}

/** Median x of each column over the rows that have a value in every column. */
export function centersFromRows(rows: readonly Token[][], n: number): Centers | undefined {
  const xs: number[][] = [];
  for (const values of rows) {
    const solid = values.filter((t) => t.raw !== '');
    if (solid.length !== n || solid.some((t) => t.source.x === undefined)) continue;
    xs.push(solid.map((t) => centerOf(t) as number));
  }
  if (xs.length < 2) return undefined;
  return Array.from({ length: n }, (_, i) => {
    const sorted = xs.map((r) => r[i] as number).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  });
}

/**
 * The middles of the column header words (「自然人」…「总计」, 「本年制发件数」…) found between
 * two token indexes: a header is a token whose label key is the column's, or a run of
 * tokens stacked in one column whose keys join to it (a header wrapped over lines). Columns
 * must come out left to right; a column whose header is not there is unknown.
 */
export function centersFromHeader(ctx: LocateContext, columns: readonly ColumnSpec[], from: number, to: number): Centers | undefined {
  const tokens = ctx.tokens.slice(Math.max(0, from), Math.max(0, to)).filter((t) => t.kind === 'text' && t.source.x !== undefined && t.norm !== '');
  const out: Centers = columns.map((column) => {
    const want = new Set([column.label, ...(column.variants ?? [])].map(labelKey));
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      const x = centerOf(t) as number;
      if (want.has(t.norm)) return x;
      // Pieces of a wrapped header word stand one under the other.
      let joined = t.norm;
      for (let k = i + 1; k < tokens.length && joined.length < 12; k++) {
        const u = tokens[k] as Token;
        if (Math.abs((centerOf(u) as number) - x) > 4) continue;
        joined += u.norm;
        if (want.has(joined)) return x;
        if (![...want].some((w) => w.startsWith(joined))) break;
      }
    }
    return undefined;
  });
  const known = out.filter((x): x is number => x !== undefined);
  if (known.length === 0 || known.some((x, i) => i > 0 && x <= (known[i - 1] as number))) return undefined;
  return withCutHeaders(ctx, out, from, to);
}

/**
 * A table cut at the page's right edge: the header boxes of its last header row that the edge
 * cut still stand over their columns, one each, after the columns whose words are seen.
 */
function withCutHeaders(ctx: LocateContext, centers: Centers, from: number, to: number): Centers {
  const k = centers.findIndex((x) => x === undefined);
  if (k <= 0 || centers.slice(k).some((x) => x !== undefined)) return centers;
  let bottom: number | undefined;
  for (let t = to - 1; t >= from && bottom === undefined; t--) if (ctx.tokens[t]?.kind === 'text') bottom = ctx.tokens[t]?.line;
  const out = [...centers];
  let next = k;
  for (let t = Math.max(0, from); t < to && next < out.length; t++) {
    const token = ctx.tokens[t] as Token;
    const x = centerOf(token);
    if (token.kind === 'cut' && token.line === bottom && x !== undefined && x > (out[next - 1] as number) + 4) out[next++] = x;
  }
  return out;
}

/** A token standing for a cell that holds nothing, at a column's place. */
function blankAt(like: Token, x: number): Token {
  return { ...like, kind: 'blank', raw: '', norm: '', value: Number.NaN, source: { ...like.source, x, width: 0 } };
}

/**
 * A row with fewer values than columns, laid out on a page: each value goes to the column it
 * stands under; a known column left empty is a blank cell, an unknown one stays unread
 * (`undefined`). Unchanged when positions are unknown or do not fit the columns unambiguously.
 */
export function alignByPosition(values: Token[], centers: Centers | undefined): (Token | undefined)[] {
  if (!centers || values.length === 0 || values.length >= centers.length) return values;
  const positioned = values.filter((t) => t.kind !== 'cut' && (t.raw !== '' || t.source.height !== undefined));
  if (positioned.length === 0 || positioned.some((t) => t.source.x === undefined)) return values;
  const known = centers.map((c, i) => [c, i] as const).filter((p): p is readonly [number, number] => p[0] !== undefined);
  if (known.length === 0) return values;
  const spacing =
    known.length > 1 ? Math.min(...known.slice(1).map(([c], k) => c - (known[k] as readonly [number, number])[0])) : Number.POSITIVE_INFINITY;
  if (!(spacing > 0)) return values;
  const slots: (Token | undefined)[] = centers.map(() => undefined);
  let previous = -1;
  const lastKnown = known[known.length - 1] as readonly [number, number];
  const unknownAfter = lastKnown[1] < centers.length - 1;
  for (const token of positioned) {
    const x = centerOf(token) as number;
    // Right of every known column, where the columns are unknown (their headers cut off):
    // which of them it stands in is not known, so it is not read.
    if (unknownAfter && x > lastKnown[0] + Math.min(spacing / 2, 40)) continue;
    let best = known[0] as readonly [number, number];
    for (const k of known) if (Math.abs(k[0] - x) < Math.abs(best[0] - x)) best = k;
    if (best[1] <= previous || Math.abs(best[0] - x) > Math.min(spacing / 2, 40)) return values;
    slots[best[1]] = token;
    previous = best[1];
  }
  // A column whose cell the page edge cut is unread, not blank.
  const cutAt = new Set<number>();
  for (const token of values) {
    if (token.kind !== 'cut' || token.source.x === undefined) continue;
    const x = centerOf(token) as number;
    for (const [c, i] of known) if (Math.abs(c - x) <= Math.min(spacing / 2, 40) && !slots[i]) cutAt.add(i);
  }
  const first = positioned[0] as Token;
  return slots.map((t, i) => t ?? (centers[i] === undefined || cutAt.has(i) ? undefined : blankAt(first, centers[i] as number)));
}
