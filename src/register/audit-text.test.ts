import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeAudit } from './audit-text.ts';
import type { AuditEntry } from './registers.ts';

const entry = (e: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2024-05-06 10:00:00.123+08',
  actor: 'clerk1',
  tableName: 'reviews',
  rowKey: '1',
  action: 'insert',
  before: null,
  after: null,
  ...e,
});

test('describeAudit: reviews in the standard words, and an update names the cell or section it changed', () => {
  assert.deepEqual(describeAudit(entry({ after: { id: 1, kind: 'suit_direct', filed_on: '2024-06-12', result: null, note: '' } })).changes, [
    '类型：未经复议直接起诉',
    '收到日期：2024-06-12',
  ]);
  const closed = describeAudit(entry({ action: 'update', before: { kind: 'review', result: null }, after: { kind: 'review', result: 'corrected' } }));
  assert.deepEqual(closed.changes, ['结果：（空） → 结果纠正']);
  const figure = describeAudit(
    entry({
      tableName: 'proactive_stats',
      action: 'update',
      before: { agency_id: 2, year: 2024, key: 'a.licensing.decisions', value: 126 },
      after: { agency_id: 2, year: 2024, key: 'a.licensing.decisions', value: 130 },
    }),
  );
  assert.equal(figure.what, '修改主动公开数据');
  assert.deepEqual(figure.changes, ['单元格：表二「行政许可」「本年处理决定数量」', '数值：126 → 130', '年度：2024']);
  const text = describeAudit(
    entry({
      tableName: 'report_texts',
      action: 'update',
      before: { year: 2024, section: 6, text: '无' },
      after: { year: 2024, section: 6, text: '未收取信息处理费。' },
    }),
  );
  assert.deepEqual(text.changes, ['年度：2024', '章节：六、其他需要报告的事项', '正文：无 → 未收取信息处理费。']);
});
