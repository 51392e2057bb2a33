import { APPLICANT_COLUMNS } from '../../../format/index.ts';
import { show } from '../../rule.ts';
import { consecutive, defineSeriesRule, yearsOf } from '../series-rule.ts';

/**
 * Table B, every column: this year's 二、上年结转 equals last year's 四、结转下年度 (the same
 * agency's report of the year before), on printed numbers.
 */
export const crossYearCarried = defineSeriesRule({
  id: 'cross-year-carried',
  severity: 'error',
  title: '表三「二、上年结转」应等于上年度报告的「四、结转下年度继续办理」（逐列）',
  check(report, { previous }) {
    if (!previous || !consecutive(previous, report)) return [];
    const [year, last] = yearsOf(report, previous);
    return APPLICANT_COLUMNS.flatMap(({ key, label }) => {
      const now = report.cells[`b.carried_in.${key}`];
      const before = previous.cells[`b.carried_out.${key}`];
      if (!now || !before || now.value === null || before.value === null || now.value === before.value) return [];
      return [
        {
          message: `表三「${label}」列：${year}「二、上年结转」为${show(now.value)}，而${last}报告「四、结转下年度继续办理」为${show(before.value)}`,
          keys: [now.key],
          expected: before.value,
          actual: now.value,
          source: now.source,
        },
      ];
    });
  },
});
