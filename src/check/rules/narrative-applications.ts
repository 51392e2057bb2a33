import { clauses, narrative } from '../narrative.ts';
import { defineRule, show, values } from '../rule.ts';

const NONE =
  /(?:未|没有)(?:收到|受理|发生)(?:任何)?(?:形式的)?(?:政府信息公开|依申请公开|信息公开)?(?:的)?申请|(?:未|没有)发生(?:依申请公开|依申请)|依申请公开(?:政府信息)?(?:数量)?为0|无依申请公开/;
const COUNT = /(?:收到|受理|接收)[^0-9]{0,14}?(?:申请|依申请[^0-9]{0,6}?)(?:共|总计|合计)?(\d+)(?:件|个|份|宗|条)/;
const OFF_TOPIC = /复议|诉讼|举报|投诉|信访|咨询|建议|提案|办件/;

/**
 * What the narrative says about applications received agrees with table B: 「未收到…申请」
 * means none, 「收到…申请N件」 means N new (or new plus carried over).
 */
export const narrativeApplications = defineRule({
  id: 'narrative-applications',
  severity: 'warning',
  title: '正文所述政府信息公开申请数量与表三一致',
  check(report) {
    // A blank is not 0: without 一 nothing can be compared; without 二 only 「N = 一」 can.
    const fresh = values(report, ['b.new.total'])?.[0];
    if (fresh === undefined) return [];
    const carried = values(report, ['b.carried_in.total'])?.[0];
    const keys = ['b.new.total', 'b.carried_in.total'];
    const source = report.cells['b.new.total']?.source;
    for (const clause of clauses(narrative(report, [1, 3]))) {
      if (OFF_TOPIC.test(clause)) continue;
      if (NONE.test(clause) && fresh > 0) {
        return [{ message: `正文称「${clause}」，但表三本年新收申请为${show(fresh)}件`, keys, expected: 0, actual: fresh, source }];
      }
      const m = COUNT.exec(clause);
      if (!m) continue;
      const stated = Number(m[1]);
      if (stated === fresh || carried === undefined || stated === fresh + carried) continue;
      return [
        {
          message: `正文称「${clause}」（${stated}件），但表三本年新收申请为${show(fresh)}件、上年结转${show(carried)}件`,
          keys,
          expected: stated,
          actual: fresh,
          source,
        },
      ];
    }
    return [];
  },
});
