import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomReport } from '../../testing/random-report.ts';
import { validReport, withValues } from '../testing.ts';
import { cellNegative } from './cell-negative.ts';

test('cell-negative: none on a valid report, and 2019 本年增/减 may be negative', () => {
  assert.deepEqual(cellNegative.check(validReport()), []);
  const old = withValues(randomReport(3, { format: '2019' }), { 'a.licensing.change': -5 });
  assert.deepEqual(cellNegative.check(old), []);
});

test('cell-negative: a negative count is an error', () => {
  const findings = cellNegative.check(withValues(validReport(), { 'a.penalty.decisions': -1 }));
  assert.deepEqual(
    findings.map((f) => [f.severity, f.keys]),
    [['error', ['a.penalty.decisions']]],
  );
});
