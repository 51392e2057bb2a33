import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport } from '../testing.ts';
import { metadataMissing } from './metadata-missing.ts';

test('metadata-missing: agency and year known', () => {
  assert.deepEqual(metadataMissing.check(validReport()), []);
});

test('metadata-missing: agency unknown', () => {
  const report = validReport();
  report.meta.agency = null;
  assert.match(metadataMissing.check(report)[0]?.message ?? '', /机关名称/);
});
