import { clauses, narrative } from '../narrative.ts';
import { defineRule, same, show, values } from '../rule.ts';

const AMOUNT = /行政事业性收费(?:金额|总额)?(?:共|为|合计)?(\d+(?:\.\d+)?)(万元|元)/;

/** An amount of 行政事业性收费 stated in the narrative agrees with table A (in 万元). */
export const narrativeFees = defineRule({
  id: 'narrative-fees',
  severity: 'warning',
  title: '正文所述行政事业性收费金额与表二一致',
  check(report) {
    const v = values(report, ['a.fees.amount']);
    if (!v) return [];
    const table = v[0] as number;
    for (const clause of clauses(narrative(report, [1, 2]))) {
      const m = AMOUNT.exec(clause);
      if (!m) continue;
      const stated = m[2] === '元' ? Number(m[1]) / 10000 : Number(m[1]);
      if (same(stated, table)) continue;
      return [
        {
          message: `正文称「${clause}」，折合${show(stated)}万元，但表二行政事业性收费为${show(table)}万元`,
          keys: ['a.fees.amount'],
          expected: stated,
          actual: table,
          source: report.cells['a.fees.amount']?.source,
        },
      ];
    }
    return [];
  },
});
