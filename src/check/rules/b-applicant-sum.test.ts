import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport, withValues } from '../testing.ts';
import { bApplicantSum } from './b-applicant-sum.ts';

test('b-applicant-sum: holds on a valid report', () => {
  assert.deepEqual(bApplicantSum.check(validReport()), []);
});

test('b-applicant-sum: 总计 not the sum of the six columns', () => {
  const report = validReport();
  const total = report.cells['b.granted.total']?.value as number;
  const findings = bApplicantSum.check(withValues(report, { 'b.granted.total': total + 3 }));
  assert.equal(findings.length, 1);
  assert.match(findings[0]?.message ?? '', /（一）予以公开/);
  assert.deepEqual([findings[0]?.expected, findings[0]?.actual], [total, total + 3]);
});
