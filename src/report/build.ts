import { B_OTHER_MERGED_KEYS, cellSpecs, type FormatId, getFormat, getTable, type TableId } from '../format/index.ts';
import type { Cell, Report, ReportMeta, Section } from './types.ts';

/** What `buildReport` needs: values by cell key, and optionally metadata and sections. */
export interface ReportInput {
  format?: FormatId;
  values: Record<string, number | null>;
  meta?: Partial<Omit<ReportMeta, 'format'>>;
  sections?: Section[];
}

/**
 * Builds a report from plain values (register output, JSON input, tests). Tables with no
 * value are absent; rows with none are missing.
 */
export function buildReport(input: ReportInput): Report {
  const formatId = input.format ?? '2021';
  const format = getFormat(formatId);
  const cells: Record<string, Cell> = {};
  for (const spec of cellSpecs(format)) {
    const value = input.values[spec.key];
    if (value !== undefined) cells[spec.key] = { key: spec.key, value, raw: value === null ? '' : String(value) };
  }
  // A 2021-format table that kept （六） as one row: its values stay beside the standard's.
  for (const key of B_OTHER_MERGED_KEYS) {
    const value = input.values[key];
    if (value !== undefined && !(key in cells)) cells[key] = { key, value, raw: value === null ? '' : String(value) };
  }
  const tables = {} as Report['tables'];
  for (const id of ['a', 'b', 'c'] as TableId[]) {
    const rows = getTable(format, id).blocks.flatMap((b) => b.rows);
    const missingRows = rows.filter((r) => !cellSpecs(format, id).some((s) => s.row.key === r.key && s.key in cells)).map((r) => r.key);
    const complete = cellSpecs(format, id).every((s) => s.key in cells);
    tables[id] = {
      id,
      status: missingRows.length === rows.length ? 'absent' : complete ? 'complete' : 'partial',
      missingRows: missingRows.length === rows.length ? [] : missingRows,
    };
  }
  const meta = input.meta ?? {};
  return {
    meta: {
      agency: meta.agency ?? null,
      year: meta.year ?? null,
      format: formatId,
      title: meta.title ?? null,
      date: meta.date ?? null,
      source: meta.source ?? { file: '(built)', kind: 'json' },
    },
    sections: input.sections ?? [],
    tables,
    cells,
    messages: [],
  };
}
