import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport, withValues } from '../testing.ts';
import { rowMissing } from './row-missing.ts';

test('row-missing: complete tables', () => {
  assert.deepEqual(rowMissing.check(validReport()), []);
});

test('row-missing: rows dropped from table B are named', () => {
  const drop = Object.fromEntries(
    ['natural', 'business', 'research', 'social', 'legal', 'other_org', 'total'].map((c) => [`b.refused.inquiry.${c}`, undefined]),
  );
  const findings = rowMissing.check(withValues(validReport(), drop));
  assert.equal(findings.length, 1);
  assert.match(findings[0]?.message ?? '', /（三）8\.属于行政查询事项/);
  assert.deepEqual(findings[0]?.keys, ['b.refused.inquiry']);
});
