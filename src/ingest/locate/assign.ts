import type { Cell, Finding } from '../../report/index.ts';
import { blankCell, cellFrom } from './context.ts';
import type { Token } from './tokens.ts';

/** What a row of values needs to be placed: its cell keys and how to check a guess. */
export interface RowSlots {
  keys: readonly string[];
  /** Short name for messages, e.g. 「（三）1.属于国家秘密」. */
  label: string;
  /** The label token, for provenance of blank rows and messages. */
  at: Token;
  /** Whether values would satisfy the row's own identity (table B: 总计 = sum). */
  consistent?: (values: number[]) => boolean;
}

const isPadding = (t: Token) => t.kind === 'blank' && t.raw === '';

function combinations(n: number, k: number, from = 0): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let i = from; i < n; i++) for (const rest of combinations(n, k - 1, i + 2)) out.push([i, ...rest]);
  return out;
}

/**
 * Rejoins numbers a narrow cell broke over two lines (「31」「19」 → 3119) when exactly one
 * way of doing so makes the row consistent.
 */
function rejoin(values: Token[], slots: RowSlots): Token[] | undefined {
  const extra = values.length - slots.keys.length;
  if (extra < 1 || extra > 2 || !slots.consistent) return undefined;
  const joinable = values.map((t, i) => t.kind === 'num' && t.lineEnd && values[i + 1]?.kind === 'num' && /^\d+$/.test(t.norm));
  const candidates = combinations(values.length - 1, extra).filter((c) => c.every((i) => joinable[i]));
  const fits: Token[][] = [];
  for (const joins of candidates) {
    const merged: Token[] = [];
    for (let i = 0; i < values.length; i++) {
      const t = values[i] as Token;
      if (joins.includes(i)) {
        const u = values[i + 1] as Token;
        const norm = t.norm + u.norm;
        merged.push({ ...t, raw: t.raw + u.raw, norm, value: Number(norm) });
        i++;
      } else merged.push(t);
    }
    if (slots.consistent(merged.map((t) => (t.kind === 'num' ? t.value : 0)))) fits.push(merged);
  }
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * Places the value tokens found after a row label into its cells. Layout padding is dropped;
 * a row with no values at all is blank; a row with fewer values than cells is left unplaced
 * (it would be a guess) unless the document ends inside it, when the leading cells are kept.
 */
export function assignRow(slots: RowSlots, found: (Token | undefined)[], truncated: boolean): { cells: Cell[]; messages: Finding[] } {
  const n = slots.keys.length;
  const messages: Finding[] = [];
  const where = { ...slots.at.source };
  if (found.length === n && found.some((t) => t === undefined || t.kind === 'cut')) {
    // Placed by position, with columns that could not be seen: those cells stay unread.
    const cells = found.flatMap((t, i) => (t && t.kind !== 'cut' ? [cellFrom(slots.keys[i] as string, t)] : []));
    return { cells, messages };
  }
  // Cut cells whose column is not known cannot be placed: the row reads as if they were absent.
  let values = found.filter((t): t is Token => t !== undefined && t.kind !== 'cut');
  if (values.length === 0) {
    if (truncated) return { cells: [], messages };
    return { cells: slots.keys.map((k) => blankCell(k, where)), messages };
  }
  while (values.length > n && isPadding(values[values.length - 1] as Token)) values = values.slice(0, -1);
  while (values.length > n && isPadding(values[0] as Token)) values = values.slice(1);
  if (values.length > n) {
    const solid = values.filter((t) => !isPadding(t));
    if (solid.length === n) values = solid;
  }
  if (values.length > n) {
    const joined = rejoin(values, slots);
    if (joined) {
      messages.push({
        rule: 'read-number-rejoined',
        severity: 'info',
        message: `「${slots.label}」行有数字被换行拆开，已按本行勾稽关系合并：${joined.map((t) => t.raw).join(' ')}`,
        keys: [...slots.keys],
        source: where,
      });
      values = joined;
    }
  }
  if (values.length > n) {
    messages.push({
      rule: 'read-extra-values',
      severity: 'warning',
      message: `「${slots.label}」行有${values.length}个数值，多于${n}列，已取前${n}个，多出的：${values
        .slice(n)
        .map((t) => t.raw || '（空）')
        .join(' ')}`,
      keys: [...slots.keys],
      source: where,
    });
    values = values.slice(0, n);
  }
  if (values.length < n && !truncated) {
    messages.push({
      rule: 'read-row-ambiguous',
      severity: 'warning',
      message: `「${slots.label}」行只有${values.length}个数值（${values.map((t) => t.raw || '空').join(' ')}），少于${n}列，无法确定对应哪些列，未取值`,
      keys: [...slots.keys],
      source: where,
    });
    return { cells: [], messages };
  }
  const cells = values.map((t, i) => cellFrom(slots.keys[i] as string, t));
  return { cells, messages };
}
