import { B_APPLICANT_HEADER, B_NOTE, B_ORG_HEADER, getTable, type TableId } from '../format/index.ts';
import { formatOf, type Report } from '../report/index.ts';

/** A table as rows of cell texts, the way a published report lays it out. */
export type Grid = string[][];

/** How a blank cell is written: empty, or a mark standing for "no number". */
export type BlankStyle = (key: string) => string;

function value(report: Report, key: string, blank: BlankStyle): string {
  const cell = report.cells[key];
  if (!cell) throw new Error(`grid: report has no cell ${key}`);
  return cell.value === null ? blank(key) : String(cell.value);
}

/** The grid of one table, with the standard's header rows and group label cells. */
export function tableGrid(report: Report, id: TableId, blank: BlankStyle, numbering: (label: string) => string = (l) => l): Grid {
  const table = getTable(formatOf(report), id);
  const grid: Grid = [];
  if (id === 'a') {
    for (const block of table.blocks) {
      grid.push([block.label ?? '']);
      grid.push(['信息内容', ...block.columns.map((c) => c.label)]);
      for (const row of block.rows) grid.push([row.label, ...block.columns.map((c) => value(report, `a.${row.key}.${c.key}`, blank))]);
    }
    return grid;
  }
  const block = table.blocks[0];
  if (!block) return grid;
  if (id === 'b') {
    grid.push([B_NOTE, B_APPLICANT_HEADER]);
    grid.push(['自然人', B_ORG_HEADER, '总计']);
    grid.push(block.columns.slice(1, 6).map((c) => c.label));
    let groups: readonly string[] = [];
    for (const row of block.rows) {
      const fresh = row.groups.filter((g, i) => groups[i] !== g);
      groups = row.groups;
      grid.push([...fresh, numbering(row.label), ...block.columns.map((c) => value(report, `b.${row.key}.${c.key}`, blank))]);
    }
    return grid;
  }
  const heads = block.columns.map((c) => c.label);
  grid.push(['行政复议', '行政诉讼']);
  grid.push([...heads, '未经复议直接起诉', '复议后起诉']);
  grid.push([...heads, ...heads]);
  grid.push(block.rows.flatMap((row) => block.columns.map((c) => value(report, `c.${row.key}.${c.key}`, blank))));
  return grid;
}
