import { cellSpec, FORMATS, type FormatSpec, getFormat, TABLE_NAMES } from '../format/index.ts';

/** A cell's labels from the format spec: its table, row (with its groups) and column, in the standard's words. */
export interface CellLabels {
  table: string;
  row: string;
  column: string;
}

/** The labels of a cell key in an edition (either edition when the key is not of `format`); the key itself when unknown. */
export function cellLabels(key: string, format: FormatSpec | string | null = null): CellLabels {
  const preferred = typeof format === 'string' ? getFormat(format === '2019' ? '2019' : '2021') : format;
  const editions = preferred ? [preferred, ...FORMATS.filter((f) => f.id !== preferred.id)] : FORMATS;
  for (const edition of editions) {
    const spec = cellSpec(edition, key);
    if (!spec) continue;
    const row = [...(spec.block.label ? [spec.block.label] : []), ...spec.row.groups, spec.row.label].join('·');
    return { table: TABLE_NAMES[spec.table], row, column: spec.column.label };
  }
  return { table: key.split('.')[0] ?? '', row: key, column: '' };
}
