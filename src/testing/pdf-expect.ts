import { cellSpecs, type TableId } from '../format/index.ts';
import { tableLayout } from '../render/index.ts';
import { formatOf, type Report } from '../report/index.ts';

/**
 * What reading a cell back must give: its value (a number, or null for a blank cell),
 * `'missing'` (not found: the cell cannot be seen), or `{ either }` (missing or that value, for
 * a cell cut through by the page's edge: its number may be whole or gone, never a part of it).
 */
export type Expected = number | null | 'missing' | { either: number | null };
export type Expectation = Record<string, Expected>;

/** Every cell read back as the report holds it. */
export function expectAll(report: Report): Expectation {
  const out: Expectation = {};
  for (const spec of cellSpecs(formatOf(report))) out[spec.key] = report.cells[spec.key]?.value ?? null;
  return out;
}

/** Leaves every zero blank, as many agencies do: the identities still hold with blanks as 0. */
export function blankZeros(report: Report): void {
  for (const cell of Object.values(report.cells)) {
    if (cell.value === 0) {
      cell.value = null;
      cell.raw = '';
    }
  }
}

/** Where a printed table lies across the page, in points from the page's left edge. */
export interface PageGeometry {
  left: number;
  tableWidth: number;
  /** The right edge of what is printed. */
  visibleRight: number;
  /** Cells ending within this of the edge, or starting within it, may go either way. */
  slack: number;
}

/** The first grid column and the span of every value cell of a laid-out table (rowspans taken into account). */
function valueColumns(report: Report, id: TableId): Map<string, { first: number; span: number }> {
  const layout = tableLayout(formatOf(report), report, id);
  const taken: number[][] = [];
  const out = new Map<string, { first: number; span: number }>();
  [...layout.head, ...layout.body].forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (taken[r]?.[col]) col++;
      const span = cell.colSpan ?? 1;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < span; dc++) (taken[r + dr] ??= [])[col + dc] = 1;
      if (cell.key) out.set(cell.key, { first: col, span });
      col += span;
    }
  });
  return out;
}

/**
 * The expectation for tables wider than the page: cells wholly inside the printed area read
 * back, cells wholly outside it are missing, cells cut through may go either way.
 */
export function clippedExpectation(report: Report, page: PageGeometry): Expectation {
  const out = expectAll(report);
  for (const id of ['a', 'b', 'c'] as TableId[]) {
    const widths = tableLayout(formatOf(report), report, id).widths;
    const total = widths.reduce((a, b) => a + b, 0);
    const edge = (col: number) => page.left + (page.tableWidth * widths.slice(0, col).reduce((a, b) => a + b, 0)) / total;
    for (const [key, { first, span }] of valueColumns(report, id)) {
      const [left, right] = [edge(first), edge(first + span)];
      const value = out[key] as number | null;
      if (left >= page.visibleRight - page.slack) out[key] = 'missing';
      else if (right > page.visibleRight + page.slack) out[key] = { either: value };
    }
  }
  return out;
}

/** One cell read back otherwise than expected. */
export interface Mismatch {
  key: string;
  expected: Expected;
  /** What was read: a value, or undefined when the cell was not found. */
  actual: number | null | undefined;
}

/** The cells of a report read back that differ from an expectation. */
export function compareCells(back: Report, expected: Expectation): Mismatch[] {
  const out: Mismatch[] = [];
  for (const [key, want] of Object.entries(expected)) {
    const actual = back.cells[key]?.value;
    const ok =
      want === 'missing'
        ? actual === undefined
        : typeof want === 'object' && want !== null
          ? actual === undefined || actual === want.either
          : actual === want;
    if (!ok) out.push({ key, expected: want, actual });
  }
  for (const key of Object.keys(back.cells)) if (!(key in expected)) out.push({ key, expected: 'missing', actual: back.cells[key]?.value });
  return out;
}

const show = (v: Expected | undefined): string =>
  v === undefined || v === 'missing' ? 'missing' : v === null ? 'blank' : typeof v === 'object' ? `missing or ${show(v.either)}` : String(v);

/** Mismatches as lines for a failing test: key, expected, read. */
export function describeMismatches(mismatches: readonly Mismatch[], limit = 12): string {
  const lines = mismatches.slice(0, limit).map((m) => `  ${m.key}: expected ${show(m.expected)}, read ${show(m.actual)}`);
  if (mismatches.length > limit) lines.push(`  … and ${mismatches.length - limit} more`);
  return lines.join('\n');
}
