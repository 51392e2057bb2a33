import { SECTIONS } from '../../format/index.ts';
import { defineRule } from '../rule.ts';

/** The report has the six sections of the standard. */
export const sectionMissing = defineRule({
  id: 'section-missing',
  severity: 'warning',
  title: '报告须包含标准规定的六个部分',
  check(report) {
    const found = new Set(report.sections.map((s) => s.id));
    const missing = SECTIONS.filter((s) => !found.has(s.id));
    if (missing.length === 0) return [];
    return [{ message: `未找到${missing.length}个部分：${missing.map((s) => `「${s.heading}」`).join('、')}`, actual: missing.length }];
  },
});
