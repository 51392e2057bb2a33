import { cellKey, type TableId } from '../../format/index.ts';
import type { Cell, Finding } from '../../report/index.ts';
import { assignRow } from './assign.ts';
import type { RowTarget } from './rows.ts';
import type { Token } from './tokens.ts';

/**
 * The key of a group kept as one row: the rows of 「（六）其他处理」 are `other.*`, so the
 * merged row is `other.all` (the 2019 edition's own key for it).
 */
function mergedKey(targets: readonly RowTarget[], group: string): { row: string; columns: RowTarget['columns'] } | undefined {
  const rows = targets.filter((t) => t.row.groups.at(-1) === group);
  const prefixes = new Set(rows.map((t) => t.row.key.split('.')[0]));
  const first = rows[0];
  if (!first || prefixes.size !== 1) return undefined;
  return { row: `${first.row.key.split('.')[0]}.all`, columns: first.columns };
}

/**
 * The values of a group the report kept as one row (「（六）其他处理」 instead of its three
 * rows): placed as the merged row's cells (`b.other.all.<column>`) when they fill its columns,
 * with a finding that the table departs from the standard.
 */
export function placeMergedGroup(
  table: TableId,
  targets: readonly RowTarget[],
  group: string,
  values: Token[],
  at: Token,
): { cells: Cell[]; messages: Finding[] } {
  const merged = mergedKey(targets, group);
  const keys = merged ? merged.columns.map((c) => cellKey(table, merged.row, c.key)) : [];
  const placed = merged ? assignRow({ keys, label: group, at }, values, false) : { cells: [], messages: [] };
  // Empty boxes before the first value (a label column left empty) are layout, not values.
  const first = values.findIndex((t) => t.raw !== '');
  const list = values
    .filter((t, i) => (t.raw !== '' || placed.cells.length > 0) && i >= first)
    .map((t) => t.raw || '空')
    .join(' ');
  const fate = placed.cells.length > 0 ? `已作为合并行（${merged?.row}）取值` : '这些数值无法归入标准单元格';
  const message: Finding = {
    rule: 'read-row-merged',
    severity: 'warning',
    message: `「${group}」只有一行数值（${list}），未按标准拆分为各分项行，${fate}`,
    source: { ...(values.find((t) => t.raw !== '') ?? at).source },
  };
  if (placed.cells.length > 0) message.keys = [...keys];
  return { cells: placed.cells, messages: [message, ...placed.messages] };
}
