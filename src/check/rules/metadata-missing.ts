import { defineRule } from '../rule.ts';

/** The report names its agency and the year it reports on. */
export const metadataMissing = defineRule({
  id: 'metadata-missing',
  severity: 'warning',
  title: '报告须写明机关名称和报告年度',
  check(report) {
    const missing = [report.meta.agency ? '' : '机关名称', report.meta.year ? '' : '报告年度'].filter(Boolean);
    if (missing.length === 0) return [];
    return [{ message: `未能从标题或正文中识别${missing.join('和')}` }];
  },
});
