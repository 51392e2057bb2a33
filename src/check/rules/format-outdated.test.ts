import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomReport } from '../../testing/random-report.ts';
import { formatOutdated } from './format-outdated.ts';

test('format-outdated: 2019 edition for 2020 is right', () => {
  const report = randomReport(5, { format: '2019' });
  report.meta.year = 2020;
  assert.deepEqual(formatOutdated.check(report), []);
});

test('format-outdated: 2019 edition for 2022 is an error', () => {
  const report = randomReport(5, { format: '2019' });
  report.meta.year = 2022;
  assert.deepEqual(
    formatOutdated.check(report).map((f) => [f.severity, f.actual]),
    [['error', '2019']],
  );
});
