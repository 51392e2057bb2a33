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
 * The values of some cells, blanks counted as 0; undefined when any cell was not found or the
 * list is empty (an identity cannot be checked on what is not there).
 */
export function values(report: Report, keys: readonly string[]): number[] | undefined {
  if (keys.length === 0) return undefined;
  const out: number[] = [];
  for (const key of keys) {
    const cell = report.cells[key];
    if (!cell) return undefined;
    out.push(cell.value ?? 0);
  }
  return out;
}

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Equality for sums of counts and 万元 amounts (decimals) alike. */
export const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** Formats a number for messages without float noise. */
export const show = (n: number) => String(Math.round(n * 10000) / 10000);
