import { clauses, narrative } from '../narrative.ts';
import { defineRule, show, sum, values } from '../rule.ts';

const COUNT = (what: string) => new RegExp(`${what}(?:案件|案)?(?:共|总计|合计)?(\\d+)(?:件|起|宗|个)`);
const NONE = (what: string) =>
  new RegExp(
    `^(?:本年度?|全年|\\d{4}年度?)?(?:本机关|我局|我委|我单位|我办|我镇|我乡|我街道|本单位)?(?:未|没有|无)(?:发生|收到|出现|被申请|被提起)?(?:因政府信息公开(?:工作)?(?:而)?(?:被)?(?:申请|提起|引起的?)?)?(?:申请|提起)?${what}(?:案件|的?情况|事项)?$`,
  );

/**
 * What the narrative says about reconsiderations and lawsuits agrees with table C: 「行政复议N件」
 * equals the 行政复议 总计, 「行政诉讼N件」 the two lawsuit 总计 together; 「未发生行政复议」 means 0.
 */
export const narrativeReviews = defineRule({
  id: 'narrative-reviews',
  severity: 'warning',
  title: '正文所述行政复议、行政诉讼数量与表四一致',
  check(report) {
    const checks = [
      { what: '行政复议', keys: ['c.review.total'] },
      { what: '行政诉讼', keys: ['c.suit_direct.total', 'c.suit_after_review.total'] },
    ];
    const text = clauses(narrative(report, [1, 4]));
    return checks.flatMap(({ what, keys }) => {
      const v = values(report, keys);
      if (!v) return [];
      const table = sum(v);
      const source = report.cells[keys[0] as string]?.source;
      for (const clause of text) {
        const parts = clause.split(/[、和及与]/).length > 1 && clause.includes('复议') && clause.includes('诉讼');
        const m = parts ? undefined : COUNT(what).exec(clause);
        if (m && Number(m[1]) !== table) {
          return [{ message: `正文称「${clause}」，但表四${what}总计为${show(table)}件`, keys, expected: Number(m[1]), actual: table, source }];
        }
        if (!m && NONE(what).test(clause) && table > 0) {
          return [{ message: `正文称「${clause}」，但表四${what}总计为${show(table)}件`, keys, expected: 0, actual: table, source }];
        }
      }
      return [];
    });
  },
});
