import { APPLICANT_PARTS, getTable } from '../../format/index.ts';
import { formatOf } from '../../report/index.ts';
import { defineRule, same, show, sum, values } from '../rule.ts';

/** Table B, every row: 总计 = 自然人 + the five 法人或其他组织 columns. */
export const bApplicantSum = defineRule({
  id: 'b-applicant-sum',
  severity: 'error',
  title: '表三各行：总计等于自然人与法人或其他组织各列之和',
  check(report) {
    const rows = getTable(formatOf(report), 'b').blocks[0]?.rows ?? [];
    return rows.flatMap((row) => {
      const partKeys = APPLICANT_PARTS.map((c) => `b.${row.key}.${c}`);
      const totalKey = `b.${row.key}.total`;
      const parts = values(report, partKeys);
      const total = values(report, [totalKey]);
      if (!parts || !total) return [];
      const expected = sum(parts);
      const actual = total[0] as number;
      if (same(expected, actual)) return [];
      return [
        {
          message: `表三「${row.short}」行：各类申请人之和为${show(expected)}，但总计为${show(actual)}`,
          keys: [totalKey, ...partKeys],
          expected,
          actual,
          source: report.cells[totalKey]?.source,
        },
      ];
    });
  },
});
