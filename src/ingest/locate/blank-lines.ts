import type { Token } from './tokens.ts';

/** A writing of one cell per line: how many blank cells a run of empty lines stands for. */
interface Writing {
  /** Blank cells of a run of `r` empty lines between two written cells; undefined if impossible. */
  inner(r: number): number | undefined;
  /** The most blank cells a run of `r` empty lines at either end of the row can stand for. */
  edge(r: number): number;
}

/** One line per cell and nothing else: every empty line is a blank cell. */
const EVERY_LINE: Writing = { inner: (r) => r, edge: (r) => r };

/** Each cell followed by one empty line: a blank cell is two empty lines. */
const SEPARATED: Writing = {
  inner: (r) => (r % 2 === 1 ? (r - 1) / 2 : undefined),
  edge: (r) => Math.max(0, Math.floor((r - 1) / 2)),
};

/**
 * Reads a row under one writing: the cells between the first and the last written cell are
 * fixed; empty lines before and after may be blank cells or the space around the row, so the
 * row is placed only when exactly one split of them makes up the missing cells.
 */
function read(found: readonly Token[], n: number, writing: Writing): Token[] | undefined {
  const firstWritten = found.findIndex((t) => !t.gap);
  const lastWritten = found.findLastIndex((t) => !t.gap);
  if (firstWritten < 0) return undefined;
  const inner: Token[] = [];
  for (let i = firstWritten; i <= lastWritten;) {
    const t = found[i] as Token;
    if (!t.gap) {
      inner.push(t);
      i++;
      continue;
    }
    let r = 0;
    while (found[i + r]?.gap) r++;
    const blanks = writing.inner(r);
    if (blanks === undefined) return undefined;
    for (let b = 0; b < blanks; b++) inner.push(t);
    i += r;
  }
  const missing = n - inner.length;
  const lead = writing.edge(firstWritten);
  const trail = writing.edge(found.length - 1 - lastWritten);
  if (missing < 0 || missing > lead + trail) return undefined;
  // Unique only when one end can take none or the other must take all it can.
  const low = Math.max(0, missing - trail);
  const high = Math.min(lead, missing);
  if (low !== high) return undefined;
  const gap = found.find((t) => t.gap) as Token;
  return [...Array.from({ length: low }, () => gap), ...inner, ...Array.from({ length: missing - low }, () => gap)];
}

/**
 * Cells of a row written one per line, where a blank cell is an empty line (`gap` tokens), when
 * the lines say so without doubt. Two writings are common: one line per cell and nothing
 * else, and each cell followed by one empty line. A writing counts only when every written
 * value stands alone on its line and it yields exactly the row's cells in one way; when both
 * writings fit and disagree, or neither fits, the row stays unplaced (undefined).
 */
export function placeByLines(found: readonly Token[], n: number): Token[] | undefined {
  if (!found.some((t) => t.gap)) return undefined;
  const lines = new Set<number>();
  for (const t of found) {
    if (t.gap) continue;
    if (lines.has(t.line)) return undefined;
    lines.add(t.line);
  }
  const fits = [read(found, n, EVERY_LINE), read(found, n, SEPARATED)].filter((cells): cells is Token[] => cells !== undefined);
  const [first, second] = fits;
  if (!first) return undefined;
  if (second && second.some((t, i) => t.gap !== first[i]?.gap || (!t.gap && t !== first[i]))) return undefined;
  return first;
}
