import type { Finding, Report } from '../report/index.ts';
import type { Rule } from './rule.ts';
import { bApplicantSum } from './rules/b-applicant-sum.ts';
import { bBalance } from './rules/b-balance.ts';
import { bOutcomeSum } from './rules/b-outcome-sum.ts';
import { cGroupSum } from './rules/c-group-sum.ts';
import { cellBlank } from './rules/cell-blank.ts';
import { cellFraction } from './rules/cell-fraction.ts';
import { cellNegative } from './rules/cell-negative.ts';
import { cellUnit } from './rules/cell-unit.ts';
import { formatOutdated } from './rules/format-outdated.ts';
import { metadataMissing } from './rules/metadata-missing.ts';
import { narrativeApplications } from './rules/narrative-applications.ts';
import { narrativeFees } from './rules/narrative-fees.ts';
import { narrativeReviews } from './rules/narrative-reviews.ts';
import { rowMissing } from './rules/row-missing.ts';
import { section5Empty } from './rules/section-5-empty.ts';
import { section6Fees } from './rules/section-6-fees.ts';
import { sectionMissing } from './rules/section-missing.ts';
import { tableMissing } from './rules/table-missing.ts';

/** Every rule, in the order findings are listed. */
export const RULES: readonly Rule[] = [
  tableMissing,
  rowMissing,
  formatOutdated,
  bBalance,
  bOutcomeSum,
  bApplicantSum,
  cGroupSum,
  cellBlank,
  cellNegative,
  cellFraction,
  cellUnit,
  narrativeApplications,
  narrativeReviews,
  narrativeFees,
  sectionMissing,
  section5Empty,
  section6Fees,
  metadataMissing,
];

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Runs every rule on a report; the reader's own messages come first, then by severity. */
export function runChecks(report: Report, rules: readonly Rule[] = RULES): Finding[] {
  const findings = [...report.messages, ...rules.flatMap((r) => r.check(report))];
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** True when any finding is an error. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
