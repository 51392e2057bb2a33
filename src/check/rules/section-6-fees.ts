import { sectionOf } from '../../report/index.ts';
import { defineRule } from '../rule.ts';

const FEES = /信息处理费|收费|收取.{0,6}费|费用/;

/** Section 六 states the 信息处理费 charged in the year, or that none was. */
export const section6Fees = defineRule({
  id: 'section-6-fees',
  severity: 'warning',
  title: '「六、其他需要报告的事项」须说明信息处理费收取情况',
  check(report) {
    const section = sectionOf(report, 6);
    if (!section) return [];
    if (section.text.trim() === '') return [{ message: `「${section.heading}」内容为空，未说明信息处理费收取情况`, source: section.source }];
    if (FEES.test(section.text)) return [];
    return [{ message: `「${section.heading}」未说明本年度信息处理费收取情况（应写明收取金额或未收取）`, source: section.source }];
  },
});
