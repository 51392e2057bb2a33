import { FORMAT_2019 } from './spec-2019.ts';
import { FORMAT_2021 } from './spec-2021.ts';
import type { CellSpec, FormatId, FormatSpec, TableId, TableSpec } from './types.ts';

/** Both editions, newest first. */
export const FORMATS: readonly FormatSpec[] = [FORMAT_2021, FORMAT_2019];

/** The edition with the given id. */
export function getFormat(id: FormatId): FormatSpec {
  return id === '2019' ? FORMAT_2019 : FORMAT_2021;
}

/** The table with the given id in an edition. */
export function getTable(format: FormatSpec, id: TableId): TableSpec {
  const table = format.tables.find((t) => t.id === id);
  if (!table) throw new Error(`format ${format.id} has no table ${id}`);
  return table;
}

/** The cell key of a row and column of a table: `b.refused.third_party.natural`. */
export function cellKey(table: TableId, row: string, column: string): string {
  return `${table}.${row}.${column}`;
}

const cache = new Map<FormatId, { list: CellSpec[]; byKey: Map<string, CellSpec> }>();

function index(format: FormatSpec) {
  let entry = cache.get(format.id);
  if (!entry) {
    const list: CellSpec[] = [];
    for (const table of format.tables) {
      for (const block of table.blocks) {
        for (const row of block.rows) {
          for (const column of block.columns) {
            list.push({ key: cellKey(table.id, row.key, column.key), table: table.id, block, row, column });
          }
        }
      }
    }
    entry = { list, byKey: new Map(list.map((c) => [c.key, c])) };
    cache.set(format.id, entry);
  }
  return entry;
}

/** Every cell of an edition, in the standard's reading order (table, row, column). */
export function cellSpecs(format: FormatSpec, table?: TableId): readonly CellSpec[] {
  const list = index(format).list;
  return table ? list.filter((c) => c.table === table) : list;
}

/** The spec of one cell key, or undefined when the edition has no such cell. */
export function cellSpec(format: FormatSpec, key: string): CellSpec | undefined {
  return index(format).byKey.get(key);
}

/** A human label for a cell: 「表三（三）1.属于国家秘密 / 自然人」. */
export function cellLabel(format: FormatSpec, key: string): string {
  const spec = cellSpec(format, key);
  if (!spec) return key;
  const table = TABLE_NAMES[spec.table].replace(/（.*）/, '');
  const rowLabel = spec.table === 'c' ? [...spec.row.groups, spec.row.label].join('·') : spec.row.short;
  return `${table}「${rowLabel}」「${spec.column.label}」`;
}

/**
 * Short names of the tables in messages: numbered by the section they stand in
 * (二、三、四), as reviewers' notices refer to them.
 */
export const TABLE_NAMES: Record<TableId, string> = {
  a: '表二（主动公开）',
  b: '表三（依申请公开）',
  c: '表四（行政复议、行政诉讼）',
};
