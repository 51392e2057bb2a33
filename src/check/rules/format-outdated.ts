import { defineRule } from '../rule.ts';

/** Reports on 2021 and later use the 2021 edition; the 2019 one is outdated for them. */
export const formatOutdated = defineRule({
  id: 'format-outdated',
  severity: 'error',
  title: '2021年及以后的年度报告须使用2021年版格式',
  check(report) {
    const { format, year } = report.meta;
    if (format !== '2019' || year === null || year < 2021) return [];
    return [
      {
        message: `${year}年度报告仍使用2019年版表格格式（国办公开办函〔2019〕60号），应使用2021年版（国办公开办函〔2021〕30号）`,
        expected: '2021',
        actual: '2019',
      },
    ];
  },
});
