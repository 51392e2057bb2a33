import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport, withValues } from '../testing.ts';
import { cGroupSum } from './c-group-sum.ts';

test('c-group-sum: holds on a valid report', () => {
  assert.deepEqual(cGroupSum.check(validReport()), []);
});

test('c-group-sum: 复议 总计 0 though 维持 10 and 纠正 1 (a published error)', () => {
  const findings = cGroupSum.check(
    withValues(validReport(), { 'c.review.upheld': 10, 'c.review.corrected': 1, 'c.review.other': 0, 'c.review.pending': 0, 'c.review.total': 0 }),
  );
  assert.equal(findings.length, 1);
  assert.deepEqual([findings[0]?.expected, findings[0]?.actual], [11, 0]);
  assert.deepEqual(findings[0]?.keys?.[0], 'c.review.total');
});
