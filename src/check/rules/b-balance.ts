import { APPLICANT_COLUMNS } from '../../format/index.ts';
import { defineRule, same, show, values } from '../rule.ts';

/** Table B, every column: 一 (new) + 二 (carried in) = (七) (total) + 四 (carried out). */
export const bBalance = defineRule({
  id: 'b-balance',
  severity: 'error',
  title: '表三各列：第一项加第二项之和，等于第三项加第四项之和',
  check(report) {
    return APPLICANT_COLUMNS.flatMap((col) => {
      const keys = ['new', 'carried_in', 'total', 'carried_out'].map((r) => `b.${r}.${col.key}`);
      const v = values(report, keys);
      if (!v) return [];
      const [n, ci, t, co] = v as [number, number, number, number];
      if (same(n + ci, t + co)) return [];
      return [
        {
          message: `表三「${col.label}」列勾稽关系不成立：一（${show(n)}）+ 二（${show(ci)}）= ${show(n + ci)}，而（七）总计（${show(t)}）+ 四（${show(co)}）= ${show(t + co)}`,
          keys,
          expected: n + ci,
          actual: t + co,
          source: report.cells[keys[2] as string]?.source,
        },
      ];
    });
  },
});
