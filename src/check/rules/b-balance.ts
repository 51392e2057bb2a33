import { APPLICANT_COLUMNS } from '../../format/index.ts';
import { evaluate, identities } from '../identities.ts';
import { defineRule, show } from '../rule.ts';

/** Table B, every column: 一 (new) + 二 (carried in) = (七) (total) + 四 (carried out), on printed numbers. */
export const bBalance = defineRule({
  id: 'b-balance',
  severity: 'error',
  title: '表三各列：第一项加第二项之和，等于第三项加第四项之和',
  check(report) {
    return identities(report)
      .filter((i) => i.rule === 'b-balance')
      .flatMap((identity, i) => {
        const verdict = evaluate(report, identity);
        if (verdict.kind !== 'checked' || verdict.holds) return [];
        const keys = [...identity.left, ...identity.right];
        const [n, ci, t, co] = keys.map((k) => report.cells[k]?.value ?? 0) as [number, number, number, number];
        const label = APPLICANT_COLUMNS[i]?.label ?? '';
        return [
          {
            message: `表三「${label}」列勾稽关系不成立：一（${show(n)}）+ 二（${show(ci)}）= ${show(n + ci)}，而（七）总计（${show(t)}）+ 四（${show(co)}）= ${show(t + co)}`,
            keys,
            expected: n + ci,
            actual: t + co,
            source: report.cells[keys[2] as string]?.source,
          },
        ];
      });
  },
});
