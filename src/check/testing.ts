import { buildReport, cellValues, type Report } from '../report/index.ts';
import { randomReport } from '../testing/random-report.ts';
import type { Rule } from './rule.ts';

/** A valid 2021-edition report with some activity in every table. */
export function validReport(seed = 11): Report {
  return randomReport(seed, { format: '2021', max: 20 });
}

/** A copy of a report with some cell values replaced (null = blank, undefined = not found). */
export function withValues(report: Report, changes: Record<string, number | null | undefined>): Report {
  const values: Record<string, number | null> = { ...cellValues(report) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete values[key];
    else values[key] = value;
  }
  const rebuilt = buildReport({ format: report.meta.format ?? '2021', values, sections: report.sections, meta: report.meta });
  return rebuilt;
}

/** The ids of the findings a rule returns for a report. */
export function fire(rule: Rule, report: Report): string[] {
  return rule.check(report).map((f) => f.rule);
}
