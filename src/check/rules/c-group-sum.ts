import { getTable } from '../../format/index.ts';
import { formatOf } from '../../report/index.ts';
import { defineRule, same, show, sum, values } from '../rule.ts';

/** Table C, each group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export const cGroupSum = defineRule({
  id: 'c-group-sum',
  severity: 'error',
  title: '表四各组：总计等于结果维持、结果纠正、其他结果、尚未审结之和',
  check(report) {
    const block = getTable(formatOf(report), 'c').blocks[0];
    if (!block) return [];
    return block.rows.flatMap((row) => {
      const partKeys = block.columns.filter((c) => c.key !== 'total').map((c) => `c.${row.key}.${c.key}`);
      const totalKey = `c.${row.key}.total`;
      const parts = values(report, partKeys);
      const total = values(report, [totalKey]);
      if (!parts || !total) return [];
      const expected = sum(parts);
      const actual = total[0] as number;
      if (same(expected, actual)) return [];
      const name = [...row.groups, row.label].join('·');
      return [
        {
          message: `表四「${name}」：结果维持、结果纠正、其他结果、尚未审结之和为${show(expected)}，但总计为${show(actual)}`,
          keys: [totalKey, ...partKeys],
          expected,
          actual,
          source: report.cells[totalKey]?.source,
        },
      ];
    });
  },
});
