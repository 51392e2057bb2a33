import type { PdfChar, Segment } from './parse/index.ts';

/** A cell box of a ruled table: its rectangle and its place in the grid. */
export interface GridCell {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** First grid row and column the cell covers. */
  row: number;
  col: number;
  chars: PdfChar[];
  /**
   * The left or right side of the box has no ruling: the table's border is not drawn there,
   * as when the page edge (or the printer's clip) cut the table. What the box showed may be
   * partly lost.
   */
  open: boolean;
}

/** A table drawn with rulings: its cells, row by row. */
export interface RuledTable {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  xs: number[];
  ys: number[];
  cells: GridCell[];
}

// Rulings closer than this (points) are one line; ends this close meet.
const SNAP = 2;

/** Joins collinear pieces of one ruling (dashed lines, borders drawn cell by cell). */
function mergeCollinear(segs: Segment[], horizontal: boolean): Segment[] {
  const key = (s: Segment) => (horizontal ? s.y1 : s.x1);
  const start = (s: Segment) => (horizontal ? s.x1 : s.y1);
  const end = (s: Segment) => (horizontal ? s.x2 : s.y2);
  const sorted = [...segs].sort((a, b) => key(a) - key(b) || start(a) - start(b));
  const out: Segment[] = [];
  // Group by position, then merge overlapping intervals within each group.
  let group: Segment[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const pos = group.reduce((n, s) => n + key(s), 0) / group.length;
    group.sort((a, b) => start(a) - start(b));
    let a = start(group[0] as Segment);
    let b = end(group[0] as Segment);
    const emit = () => out.push(horizontal ? { x1: a, y1: pos, x2: b, y2: pos } : { x1: pos, y1: a, x2: pos, y2: b });
    for (const s of group.slice(1)) {
      if (start(s) <= b + SNAP) b = Math.max(b, end(s));
      else {
        emit();
        a = start(s);
        b = end(s);
      }
    }
    emit();
    group = [];
  };
  for (const s of sorted) {
    if (group.length > 0 && key(s) - key(group[group.length - 1] as Segment) > SNAP / 2) flush();
    group.push(s);
  }
  flush();
  return out;
}

function clusterValues(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let count = 0;
  for (const v of sorted) {
    if (count > 0 && v - sum / count > SNAP) {
      out.push(sum / count);
      sum = 0;
      count = 0;
    }
    sum += v;
    count++;
  }
  if (count > 0) out.push(sum / count);
  return out;
}

const touches = (h: Segment, v: Segment) => v.x1 >= h.x1 - SNAP && v.x1 <= h.x2 + SNAP && h.y1 >= v.y1 - SNAP && h.y1 <= v.y2 + SNAP;

/**
 * Finds the ruled tables of a page: groups of horizontal and vertical rulings that cross,
 * cut into the grid their lines make; grid cells with no ruling between them are one cell
 * (merged cells).
 */
export function findTables(segments: readonly Segment[]): RuledTable[] {
  const hs = mergeCollinear(
    segments.filter((s) => s.y1 === s.y2),
    true,
  );
  const vs = mergeCollinear(
    segments.filter((s) => s.x1 === s.x2),
    false,
  );
  // Connected groups of crossing rulings.
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(hs.length + j);
    }),
  );
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  [...hs, ...vs].forEach((s, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    (i < hs.length ? g.h : g.v).push(s);
    groups.set(find(i), g);
  });
  const tables: RuledTable[] = [];
  for (const { h, v } of groups.values()) {
    if (h.length < 2 || v.length < 2) continue;
    // Rulings that run past the last crossing line are the table's edge too: a table cut by
    // the page edge keeps the far ends of its horizontal rulings but not its last border.
    const xs = clusterValues([...v.map((s) => s.x1), Math.min(...h.map((s) => s.x1)), Math.max(...h.map((s) => s.x2))]);
    const ys = clusterValues([...h.map((s) => s.y1), Math.min(...v.map((s) => s.y1)), Math.max(...v.map((s) => s.y2))]);
    if (xs.length < 2 || ys.length < 2) continue;
    tables.push(grid(xs, ys, h, v));
  }
  return tables.sort((a, b) => a.y0 - b.y0);
}

function grid(xs: number[], ys: number[], h: Segment[], v: Segment[]): RuledTable {
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  const hasV = (x: number, ya: number, yb: number) => {
    const mid = (ya + yb) / 2;
    return v.some((s) => Math.abs(s.x1 - x) <= SNAP && s.y1 <= mid && s.y2 >= mid);
  };
  const hasH = (y: number, xa: number, xb: number) => {
    const mid = (xa + xb) / 2;
    return h.some((s) => Math.abs(s.y1 - y) <= SNAP && s.x1 <= mid && s.x2 >= mid);
  };
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const y0 = ys[r] as number;
      const y1 = ys[r + 1] as number;
      const x0 = xs[c] as number;
      const x1 = xs[c + 1] as number;
      if (c + 1 < cols && !hasV(x1, y0, y1)) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !hasH(y1, x0, x1)) union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const boxes = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const b = boxes.get(root);
      if (!b) boxes.set(root, { r0: r, c0: c, r1: r, c1: c });
      else {
        b.r0 = Math.min(b.r0, r);
        b.c0 = Math.min(b.c0, c);
        b.r1 = Math.max(b.r1, r);
        b.c1 = Math.max(b.c1, c);
      }
    }
  }
  const cells: GridCell[] = [...boxes.values()]
    .map((b) => {
      const [x0, y0, x1, y1] = [xs[b.c0] as number, ys[b.r0] as number, xs[b.c1 + 1] as number, ys[b.r1 + 1] as number];
      // Only the sides: a table split over pages often has no border at the break, which
      // cuts nothing (rows are not split inside a line of text).
      const open = !hasV(x0, y0, y1) || !hasV(x1, y0, y1);
      return { x0, y0, x1, y1, row: b.r0, col: b.c0, chars: [], open };
    })
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { x0: xs[0] as number, y0: ys[0] as number, x1: xs[cols] as number, y1: ys[rows] as number, xs, ys, cells };
}

/** The grid cell holding a point, by binary search over the grid lines. */
export function cellAt(table: RuledTable, x: number, y: number, index: Map<number, GridCell>): GridCell | undefined {
  if (x < table.x0 || x > table.x1 || y < table.y0 || y > table.y1) return undefined;
  const slot = (lines: number[], p: number) => {
    let lo = 0;
    let hi = lines.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lines[mid] as number) <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return index.get(slot(table.ys, y) * (table.xs.length - 1) + slot(table.xs, x));
}

/** Maps every elementary grid position to the (merged) cell covering it. */
export function cellIndex(table: RuledTable): Map<number, GridCell> {
  const cols = table.xs.length - 1;
  const index = new Map<number, GridCell>();
  for (const cell of table.cells) {
    const c1 = table.xs.findIndex((x) => x >= cell.x1 - 0.01);
    const r1 = table.ys.findIndex((y) => y >= cell.y1 - 0.01);
    for (let r = cell.row; r < r1; r++) for (let c = cell.col; c < c1; c++) index.set(r * cols + c, cell);
  }
  return index;
}
