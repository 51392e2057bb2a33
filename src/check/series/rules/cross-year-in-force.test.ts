import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport, withValues } from '../../testing.ts';
import { crossYearInForce } from './cross-year-in-force.ts';

function pair(inForce: number) {
  const last = withValues(validReport(3), { 'a.rules.in_force': 10, 'a.normative.in_force': 40 });
  last.meta.year = 2023;
  const now = withValues(validReport(4), {
    'a.rules.issued': 2,
    'a.rules.repealed': 1,
    'a.rules.in_force': 11,
    'a.normative.issued': 5,
    'a.normative.repealed': 3,
    'a.normative.in_force': inForce,
  });
  now.meta.year = 2024;
  return { last, now };
}

test('cross-year-in-force: silent when last year + issued − repealed is in force', () => {
  const { last, now } = pair(42);
  assert.deepEqual(crossYearInForce.check(now, { previous: last }), []);
});

test('cross-year-in-force: a warning with the sum when it is not', () => {
  const { last, now } = pair(45);
  const findings = crossYearInForce.check(now, { previous: last });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.severity, 'warning');
  assert.match(
    findings[0]?.message ?? '',
    /表二「行政规范性文件」：2024年「现行有效件数」为45，而2023年现行有效件数40 \+ 本年制发5 − 本年废止3 = 42/,
  );
  assert.deepEqual([findings[0]?.expected, findings[0]?.actual], [42, 45]);
});

test('cross-year-in-force: a blank cell or a 2019-format previous year is not judged', () => {
  const { last, now } = pair(45);
  assert.equal(crossYearInForce.check(withValues(now, { 'a.normative.issued': null }), { previous: last }).length, 0);
  const old = validReport(5);
  old.meta.year = 2023;
  const oldFormat = withValues(old, { 'a.rules.in_force': undefined, 'a.normative.in_force': undefined });
  assert.equal(crossYearInForce.check(now, { previous: oldFormat }).length, 0);
});
