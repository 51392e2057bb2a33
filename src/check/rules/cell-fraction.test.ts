import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport, withValues } from '../testing.ts';
import { cellFraction } from './cell-fraction.ts';

test('cell-fraction: fees in 万元 may have decimals', () => {
  assert.deepEqual(cellFraction.check(withValues(validReport(), { 'a.fees.amount': 12.35 })), []);
});

test('cell-fraction: a fractional count is an error', () => {
  const findings = cellFraction.check(withValues(validReport(), { 'b.new.natural': 2.5 }));
  assert.deepEqual(
    findings.map((f) => f.keys),
    [['b.new.natural']],
  );
});
