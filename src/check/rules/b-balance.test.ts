import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport, withValues } from '../testing.ts';
import { bBalance } from './b-balance.ts';

test('b-balance: holds on a valid report', () => {
  assert.deepEqual(bBalance.check(validReport()), []);
});

test('b-balance: 一 + 二 ≠ (七) + 四 in one column is one error naming the column', () => {
  const report = validReport();
  const n = report.cells['b.carried_in.legal']?.value as number;
  const findings = bBalance.check(withValues(report, { 'b.carried_in.legal': n + 2 }));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.severity, 'error');
  assert.match(findings[0]?.message ?? '', /法律服务机构/);
  assert.equal((findings[0]?.expected as number) - (findings[0]?.actual as number), 2);
  assert.ok(findings[0]?.keys?.includes('b.carried_in.legal'));
});

test('b-balance: a column with a cell not found is not judged', () => {
  assert.deepEqual(bBalance.check(withValues(validReport(), { 'b.new.natural': undefined, 'b.total.natural': 999 })).length, 0);
});
