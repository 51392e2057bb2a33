import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport } from '../testing.ts';
import { sectionMissing } from './section-missing.ts';

test('section-missing: six sections', () => {
  assert.deepEqual(sectionMissing.check(validReport()), []);
});

test('section-missing: names the sections not found', () => {
  const report = validReport();
  report.sections = report.sections.filter((s) => s.id !== 5 && s.id !== 6);
  const findings = sectionMissing.check(report);
  assert.equal(findings[0]?.actual, 2);
  assert.match(findings[0]?.message ?? '', /五、存在的主要问题及改进情况/);
});
