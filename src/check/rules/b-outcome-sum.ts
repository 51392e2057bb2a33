import { APPLICANT_COLUMNS, getTable, isLeafOutcome } from '../../format/index.ts';
import { formatOf } from '../../report/index.ts';
import { defineRule, same, show, sum, values } from '../rule.ts';

/** Table B, every column: (七) 总计 = the sum of the outcome rows (一)…(六). */
export const bOutcomeSum = defineRule({
  id: 'b-outcome-sum',
  severity: 'error',
  title: '表三各列：（七）总计等于（一）至（六）各项之和',
  check(report) {
    const rows = getTable(formatOf(report), 'b').blocks[0]?.rows.filter((r) => isLeafOutcome(r.key)) ?? [];
    return APPLICANT_COLUMNS.flatMap((col) => {
      const leafKeys = rows.map((r) => `b.${r.key}.${col.key}`);
      const totalKey = `b.total.${col.key}`;
      const leaves = values(report, leafKeys);
      const total = values(report, [totalKey]);
      if (!leaves || !total) return [];
      const expected = sum(leaves);
      const actual = total[0] as number;
      if (same(expected, actual)) return [];
      return [
        {
          message: `表三「${col.label}」列：（一）至（六）各项之和为${show(expected)}，但（七）总计为${show(actual)}`,
          keys: [totalKey, ...leafKeys],
          expected,
          actual,
          source: report.cells[totalKey]?.source,
        },
      ];
    });
  },
});
