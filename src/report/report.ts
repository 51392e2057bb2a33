import { cellSpecs, type FormatSpec, getFormat, type TableId } from '../format/index.ts';
import type { Cell, Report, Section } from './types.ts';

/** The edition a report's keys belong to (2021 when unknown). */
export function formatOf(report: Report): FormatSpec {
  return getFormat(report.meta.format ?? '2021');
}

/** The value of a cell, or undefined when the cell was not found (null when blank). */
export function cellValue(report: Report, key: string): number | null | undefined {
  return report.cells[key]?.value;
}

/** The cell of a key, if found. */
export function cellOf(report: Report, key: string): Cell | undefined {
  return report.cells[key];
}

/** A section by number, if the report has it. */
export function sectionOf(report: Report, id: Section['id']): Section | undefined {
  return report.sections.find((s) => s.id === id);
}

/**
 * What the source lacks, compactly: a table id when the whole table is missing, a row key
 * (`b.refused.prohibited`) when a whole row is, a cell key when a single cell is.
 */
export function missingItems(report: Report): string[] {
  const out: string[] = [];
  const format = formatOf(report);
  for (const table of ['a', 'b', 'c'] as TableId[]) {
    const info = report.tables[table];
    if (info.status === 'absent' || info.status === 'image') {
      out.push(table);
      continue;
    }
    const missingRows = new Set(info.missingRows);
    for (const row of missingRows) out.push(`${table}.${row}`);
    for (const spec of cellSpecs(format, table)) {
      if (!missingRows.has(spec.row.key) && !(spec.key in report.cells)) out.push(spec.key);
    }
  }
  return out;
}

/**
 * Plain `{ key: value }` of the cells found, in the standard's order; then cells of rows the
 * report kept merged (a 2021-format table with the single 「（六）其他处理」 row:
 * `b.other.all.<column>`, the 2019 edition's key).
 */
export function cellValues(report: Report): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const spec of cellSpecs(formatOf(report))) {
    const cell = report.cells[spec.key];
    if (cell) out[spec.key] = cell.value;
  }
  for (const [key, cell] of Object.entries(report.cells)) if (!(key in out)) out[key] = cell.value;
  return out;
}
