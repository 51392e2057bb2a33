import { sectionOf } from '../../report/index.ts';
import { defineRule } from '../rule.ts';

const EMPTY = /^[\s。.]*(?:无|没有|暂无|无。)?[\s。.]*$/;

/** Section 五 states real problems and improvements, not nothing or 「无」. */
export const section5Empty = defineRule({
  id: 'section-5-empty',
  severity: 'warning',
  title: '「五、存在的主要问题及改进情况」不得为空或填「无」',
  check(report) {
    const section = sectionOf(report, 5);
    if (!section || !EMPTY.test(section.text)) return [];
    return [{ message: `「${section.heading}」内容为空或仅为「${section.text.trim() || '空'}」`, source: section.source }];
  },
});
