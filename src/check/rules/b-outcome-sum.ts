import { APPLICANT_COLUMNS } from '../../format/index.ts';
import { evaluate, identities } from '../identities.ts';
import { defineRule, show } from '../rule.ts';

/** Table B, every column: (七) 总计 = the sum of the outcome rows (一)…(六), on printed numbers. */
export const bOutcomeSum = defineRule({
  id: 'b-outcome-sum',
  severity: 'error',
  title: '表三各列：（七）总计等于（一）至（六）各项之和',
  check(report) {
    return identities(report)
      .filter((i) => i.rule === 'b-outcome-sum')
      .flatMap((identity, i) => {
        const verdict = evaluate(report, identity);
        if (verdict.kind !== 'checked' || verdict.holds) return [];
        const totalKey = identity.right[0] as string;
        return [
          {
            message: `表三「${APPLICANT_COLUMNS[i]?.label ?? ''}」列：（一）至（六）各项之和为${show(verdict.left)}，但（七）总计为${show(verdict.right)}`,
            keys: [totalKey, ...identity.left],
            expected: verdict.left,
            actual: verdict.right,
            source: report.cells[totalKey]?.source,
          },
        ];
      });
  },
});
