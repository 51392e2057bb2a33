import { show } from '../../rule.ts';
import { consecutive, defineSeriesRule, yearsOf } from '../series-rule.ts';

const ROWS = [
  { row: 'rules', label: '规章' },
  { row: 'normative', label: '行政规范性文件' },
] as const;

/**
 * Table A, 规章 and 行政规范性文件: 现行有效件数 = last year's 现行有效件数 + 本年制发件数 −
 * 本年废止件数. A warning, not an error: documents are revised and re-classified.
 */
export const crossYearInForce = defineSeriesRule({
  id: 'cross-year-in-force',
  severity: 'warning',
  title: '表二「现行有效件数」应等于上年度的现行有效件数加本年制发件数减本年废止件数',
  check(report, { previous }) {
    if (!previous || !consecutive(previous, report)) return [];
    const [year, last] = yearsOf(report, previous);
    return ROWS.flatMap(({ row, label }) => {
      const keys = [`a.${row}.in_force`, `a.${row}.issued`, `a.${row}.repealed`];
      const [inForce, issued, repealed] = keys.map((k) => report.cells[k]);
      const before = previous.cells[`a.${row}.in_force`];
      if (!inForce || !issued || !repealed || !before) return [];
      if ([inForce, issued, repealed, before].some((c) => c.value === null)) return [];
      const expected = (before.value as number) + (issued.value as number) - (repealed.value as number);
      if (expected === inForce.value) return [];
      return [
        {
          message: `表二「${label}」：${year}「现行有效件数」为${show(inForce.value as number)}，而${last}现行有效件数${show(before.value as number)} + 本年制发${show(issued.value as number)} − 本年废止${show(repealed.value as number)} = ${show(expected)}`,
          keys,
          expected,
          actual: inForce.value,
          source: inForce.source,
        },
      ];
    });
  },
});
