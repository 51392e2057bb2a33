import { getTable } from '../../format/index.ts';
import { formatOf } from '../../report/index.ts';
import { evaluate, identities } from '../identities.ts';
import { defineRule, show } from '../rule.ts';

/** Table C, each group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, on printed numbers. */
export const cGroupSum = defineRule({
  id: 'c-group-sum',
  severity: 'error',
  title: '表四各组：总计等于结果维持、结果纠正、其他结果、尚未审结之和',
  check(report) {
    const rows = getTable(formatOf(report), 'c').blocks[0]?.rows ?? [];
    return identities(report)
      .filter((i) => i.rule === 'c-group-sum')
      .flatMap((identity, i) => {
        const verdict = evaluate(report, identity);
        if (verdict.kind !== 'checked' || verdict.holds) return [];
        const totalKey = identity.right[0] as string;
        const row = rows[i];
        const name = row ? [...row.groups, row.label].join('·') : '';
        return [
          {
            message: `表四「${name}」：结果维持、结果纠正、其他结果、尚未审结之和为${show(verdict.left)}，但总计为${show(verdict.right)}`,
            keys: [totalKey, ...identity.left],
            expected: verdict.left,
            actual: verdict.right,
            source: report.cells[totalKey]?.source,
          },
        ];
      });
  },
});
