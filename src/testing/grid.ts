import type { TableId } from '../format/index.ts';
import { formatOf, type Report } from '../report/index.ts';
import { tableLayout } from '../render/layout.ts';

/** A table as rows of cell texts, the way a published report lays it out. */
export type Grid = string[][];

/** How a blank cell is written: empty, or a mark standing for "no number". */
export type BlankStyle = (key: string) => string;

/**
 * The grid of one table as the standard lays it out (the renderers' layout: header rows, group
 * label cells once), with blank cells written in a given style, row labels renumbered and
 * values written as a layout variant wants (units, separators).
 */
export function tableGrid(
  report: Report,
  id: TableId,
  blank: BlankStyle,
  numbering: (label: string) => string = (l) => l,
  written: (key: string, text: string) => string = (_, text) => text,
): Grid {
  const layout = tableLayout(formatOf(report), report, id);
  return [...layout.head, ...layout.body].map((row) =>
    row.map((cell) => {
      if (!cell.key) return numbering(cell.text);
      const value = report.cells[cell.key];
      if (!value) throw new Error(`grid: report has no cell ${cell.key}`);
      return value.value === null ? blank(cell.key) : written(cell.key, cell.text);
    }),
  );
}
