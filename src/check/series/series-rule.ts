import type { Finding, Report, Severity } from '../../report/index.ts';
import type { AgencyLevel } from './agency.ts';

/**
 * What a rule over several reports gets beside the report it judges: the same agency's report
 * of the year before, other agencies' reports of the same year (the candidates a text may have
 * been copied from), the agency's level and the publication date when the caller knows them
 * better than the report does.
 */
export interface SeriesContext {
  previous?: Report;
  peers?: readonly Report[];
  /** Overrides the level inferred from the agency's name. */
  level?: AgencyLevel;
  /** ISO date the report was published; overrides the date read from the document. */
  publishedOn?: string;
}

/** A rule over a report and its context: a pure function with an id, a severity and a title. */
export interface SeriesRule {
  id: string;
  severity: Severity;
  /** One line in Chinese saying what the rule requires. */
  title: string;
  check(report: Report, context: SeriesContext): Finding[];
}

/** Declares a series rule; findings get its id and (unless they say otherwise) severity. */
export function defineSeriesRule(rule: {
  id: string;
  severity: Severity;
  title: string;
  check(report: Report, context: SeriesContext): (Omit<Finding, 'rule' | 'severity'> & { severity?: Severity })[];
}): SeriesRule {
  return {
    ...rule,
    check: (report, context) => rule.check(report, context).map((f) => ({ rule: rule.id, severity: rule.severity, ...f })),
  };
}

/** The years of a report and the one before it, for messages: 「2024年」「2023年」. */
export function yearsOf(report: Report, previous: Report): [string, string] {
  return [`${report.meta.year ?? '本'}年`, `${previous.meta.year ?? '上'}年`];
}

/** True when `previous` is a report of the year before `report`'s (an unknown year never is). */
export function consecutive(previous: Report, report: Report): boolean {
  return report.meta.year !== null && previous.meta.year === report.meta.year - 1;
}
