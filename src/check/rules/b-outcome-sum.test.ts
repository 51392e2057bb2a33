import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport, withValues } from '../testing.ts';
import { bOutcomeSum } from './b-outcome-sum.ts';

test('b-outcome-sum: holds on a valid report', () => {
  assert.deepEqual(bOutcomeSum.check(validReport()), []);
});

test('b-outcome-sum: a leaf row changed breaks （七）总计 of its column', () => {
  const report = validReport();
  const v = report.cells['b.refused.third_party.natural']?.value as number;
  const findings = bOutcomeSum.check(withValues(report, { 'b.refused.third_party.natural': v + 1 }));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.expected, (report.cells['b.total.natural']?.value as number) + 1);
  assert.equal(findings[0]?.actual, report.cells['b.total.natural']?.value);
});

test('b-outcome-sum: blank leaves count as 0', () => {
  const report = validReport();
  const zero = Object.values(report.cells).find((c) => c.key.startsWith('b.rejected') && c.key.endsWith('.research') && c.value === 0);
  assert.ok(zero);
  assert.deepEqual(bOutcomeSum.check(withValues(report, { [zero.key]: null })), []);
});
