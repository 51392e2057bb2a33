import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport, withValues } from '../testing.ts';
import { cellBlank } from './cell-blank.ts';

test('cell-blank: none on a filled report', () => {
  assert.deepEqual(cellBlank.check(validReport()), []);
});

test('cell-blank: one warning per table, counting and naming the blank cells', () => {
  const report = withValues(validReport(), { 'b.other.other.natural': null, 'b.other.other.total': null, 'c.review.pending': null });
  const findings = cellBlank.check(report);
  assert.equal(findings.length, 2);
  assert.equal(findings[0]?.severity, 'warning');
  assert.equal(findings[0]?.actual, 2);
  assert.match(findings[0]?.message ?? '', /（六）3\.其他/);
  assert.deepEqual(findings[1]?.keys, ['c.review.pending']);
});

test('cell-blank: a blank 总计 is reported once, with what the columns make it', () => {
  const report = validReport();
  const parts = ['natural', 'business', 'research', 'social', 'legal', 'other_org'].map((c) => report.cells[`b.new.${c}`]?.value as number);
  const findings = cellBlank.check(withValues(report, { 'b.new.total': null }));
  assert.equal(findings.length, 1);
  assert.match(findings[0]?.message ?? '', new RegExp(`「总计」（按各列应为${parts.reduce((a, b) => a + b, 0)}）`));
});

test('cell-blank: a blank that two identities determine differently gets no value', () => {
  const report = validReport();
  const total = report.cells['b.new.total']?.value as number;
  // 一 + 二 = (七) + 四 now wants a different 总计 than the row's columns do.
  const changed = withValues(report, { 'b.new.total': null, 'b.carried_in.total': (report.cells['b.carried_in.total']?.value as number) + 1 });
  const message = cellBlank.check(changed)[0]?.message ?? '';
  assert.doesNotMatch(message, /「一、本年新收政府信息公开申请数量」「总计」（按/);
  assert.ok(total >= 0);
});
