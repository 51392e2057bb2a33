import { cellLabel, cellSpecs } from '../format/index.ts';
import { formatOf, type Report } from '../report/index.ts';

/** One cell of two years: both values and the change. */
export interface CellChange {
  key: string;
  /** 「表三「（一）予以公开」「自然人」」. */
  label: string;
  previous: number | null;
  current: number | null;
  /** current − previous; null when either is blank or not found. */
  change: number | null;
  /** The change relative to the previous value; null when that is 0 or unknown. */
  relative: number | null;
}

const round = (n: number) => Math.round(n * 10000) / 10000;

/**
 * Every cell of the current report's edition in both reports, the largest moves first
 * (absolute change, then the standard's order); cells with a blank or missing side last.
 */
export function cellChanges(previous: Report, current: Report): CellChange[] {
  const format = formatOf(current);
  const specs = cellSpecs(format);
  const changes = specs.map((spec, order) => {
    const before = previous.cells[spec.key]?.value ?? null;
    const now = current.cells[spec.key]?.value ?? null;
    const change = before === null || now === null ? null : round(now - before);
    const relative = change === null || before === null || before === 0 ? null : round(change / before);
    const cell: CellChange = { key: spec.key, label: cellLabel(format, spec.key), previous: before, current: now, change, relative };
    return { order, cell };
  });
  const size = (c: CellChange) => (c.change === null ? -1 : Math.abs(c.change));
  changes.sort((a, b) => size(b.cell) - size(a.cell) || a.order - b.order);
  return changes.map((c) => c.cell);
}
