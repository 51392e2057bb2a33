import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport } from '../testing.ts';
import { section6Fees } from './section-6-fees.ts';

test('section-6-fees: states the 信息处理费', () => {
  assert.deepEqual(section6Fees.check(validReport()), []);
});

test('section-6-fees: 「无」 says nothing about fees', () => {
  const report = validReport();
  const s6 = report.sections.find((s) => s.id === 6);
  if (s6) s6.text = '无';
  assert.equal(section6Fees.check(report)[0]?.severity, 'warning');
});
