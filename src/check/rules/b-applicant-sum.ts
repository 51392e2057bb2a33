import { getTable } from '../../format/index.ts';
import { formatOf } from '../../report/index.ts';
import { evaluate, identities } from '../identities.ts';
import { defineRule, show } from '../rule.ts';

/** Table B, every row: 总计 = 自然人 + the five 法人或其他组织 columns, on printed numbers. */
export const bApplicantSum = defineRule({
  id: 'b-applicant-sum',
  severity: 'error',
  title: '表三各行：总计等于自然人与法人或其他组织各列之和',
  check(report) {
    const rows = getTable(formatOf(report), 'b').blocks[0]?.rows ?? [];
    return identities(report)
      .filter((i) => i.rule === 'b-applicant-sum')
      .flatMap((identity, i) => {
        const verdict = evaluate(report, identity);
        if (verdict.kind !== 'checked' || verdict.holds) return [];
        const totalKey = identity.right[0] as string;
        return [
          {
            message: `表三「${rows[i]?.short ?? ''}」行：各类申请人之和为${show(verdict.left)}，但总计为${show(verdict.right)}`,
            keys: [totalKey, ...identity.left],
            expected: verdict.left,
            actual: verdict.right,
            source: report.cells[totalKey]?.source,
          },
        ];
      });
  },
});
