import type { Finding, Report } from '../report/index.ts';
import { cellValues, missingItems } from '../report/index.ts';

/** The JSON line `extract --json` prints for a report (and `check --json`, with findings). */
export function reportJson(report: Report, findings?: readonly Finding[]): Record<string, unknown> {
  const m = report.meta;
  const out: Record<string, unknown> = {
    file: m.source.file,
    agency: m.agency,
    year: m.year,
    format: m.format,
    title: m.title,
    date: m.date,
    tables: Object.fromEntries(Object.values(report.tables).map((t) => [t.id, t.status])),
    cells: cellValues(report),
    missing: missingItems(report),
  };
  if (findings) out.findings = findings;
  return out;
}
