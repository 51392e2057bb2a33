/** The national annual-report standard as data: both editions, cell keys, labels, sections. */

export { cellKey, cellLabel, cellSpec, cellSpecs, FORMATS, getFormat, getTable, TABLE_NAMES } from './cells.ts';
export { labelKey, labelKeyOfNormalized, looksTraditional, normalizeText, toSimplified } from './normalize.ts';
export { SECTIONS, type SectionSpec } from './sections.ts';
export { FORMAT_2019 } from './spec-2019.ts';
export { FORMAT_2021 } from './spec-2021.ts';
export {
  APPLICANT_COLUMNS,
  APPLICANT_PARTS,
  B_APPLICANT_HEADER,
  B_NOTE,
  B_ORG_HEADER,
  B_OTHER_MERGED_KEYS,
  B_RESULTS_GROUP,
  isLeafOutcome,
} from './table-b.ts';
export type { BlockSpec, CellSpec, ColumnSpec, FormatId, FormatSpec, RowSpec, TableId, TableSpec, ValueKind } from './types.ts';
