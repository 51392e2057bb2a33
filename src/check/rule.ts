import type { Finding, Report, Severity } from '../report/index.ts';

/** A check over a report: a pure function with an id, a severity and a title. */
export interface Rule {
  id: string;
  severity: Severity;
  /** One line in Chinese saying what the rule requires. */
  title: string;
  check(report: Report): Finding[];
}

/** Declares a rule; findings it returns get its id and (unless they say otherwise) severity. */
export function defineRule(rule: {
  id: string;
  severity: Severity;
  title: string;
  check(report: Report): Omit<Finding, 'rule' | 'severity'>[] | (Omit<Finding, 'rule'> & { severity: Severity })[];
}): Rule {
  return {
    ...rule,
    check: (report) => rule.check(report).map((f) => ({ rule: rule.id, severity: rule.severity, ...f })),
  };
}

/**
 * The printed values of some cells; undefined when any cell was not found or is blank, or the
 * list is empty (a blank is not 0: nothing can be compared with what is not printed).
 */
export function values(report: Report, keys: readonly string[]): number[] | undefined {
  if (keys.length === 0) return undefined;
  const out: number[] = [];
  for (const key of keys) {
    const cell = report.cells[key];
    if (!cell || cell.value === null) return undefined;
    out.push(cell.value);
  }
  return out;
}

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Equality for sums of counts and 万元 amounts (decimals) alike. */
export const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** Formats a number for messages without float noise. */
export const show = (n: number) => String(Math.round(n * 10000) / 10000);
