import { readFileSync, writeFileSync } from 'node:fs';
import { cellValues, missingItems, type Report } from '../report/index.ts';

/** What golden files record of a report: metadata, table status, sections, cells, missing, messages. */
export function goldenSummary(report: Report): Record<string, unknown> {
  return {
    agency: report.meta.agency,
    year: report.meta.year,
    format: report.meta.format,
    tables: Object.fromEntries(Object.values(report.tables).map((t) => [t.id, t.status])),
    sections: report.sections.map((s) => s.heading),
    cells: cellValues(report),
    missing: missingItems(report),
    messages: report.messages.map((m) => `${m.rule}: ${m.message}`),
  };
}

/**
 * Compares a value with a golden JSON file; with UPDATE=1 rewrites the file instead (review
 * the diff before committing it). Returns the expected value.
 */
export function golden(file: string, actual: unknown): unknown {
  if (process.env.UPDATE === '1') writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  return JSON.parse(readFileSync(file, 'utf8'));
}
