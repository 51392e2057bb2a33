import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../../report/index.ts';
import { validReport, withValues } from '../testing.ts';
import { narrativeFees } from './narrative-fees.ts';

function saying(text: string, amount: number): Report {
  const report = withValues(validReport(), { 'a.fees.amount': amount });
  report.sections = [{ id: 1, heading: '一、总体情况', text }];
  return report;
}

test('narrative-fees: the same amount in 元 or 万元', () => {
  assert.deepEqual(narrativeFees.check(saying('本年度行政事业性收费12.5万元', 12.5)), []);
  assert.deepEqual(narrativeFees.check(saying('行政事业性收费共125000元', 12.5)), []);
});

test('narrative-fees: a different amount', () => {
  assert.deepEqual(
    narrativeFees.check(saying('行政事业性收费3万元', 0)).map((f) => [f.expected, f.actual]),
    [[3, 0]],
  );
});
