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
