import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellValues } from '../../../report/index.ts';
import { validReport, withValues } from '../../testing.ts';
import { crossYearCarried } from './cross-year-carried.ts';

/** Last year's report and this year's, whose 二 is last year's 四 in every column. */
function pair() {
  const last = withValues(validReport(3), {});
  last.meta.year = 2023;
  const carried = Object.fromEntries(
    Object.entries(cellValues(last))
      .filter(([k]) => k.startsWith('b.carried_out.'))
      .map(([k, v]) => [k.replace('carried_out', 'carried_in'), v]),
  );
  const now = withValues(validReport(4), carried);
  now.meta.year = 2024;
  return { last, now };
}

test("cross-year-carried: silent when 二 equals last year's 四 in every column", () => {
  const { last, now } = pair();
  assert.deepEqual(crossYearCarried.check(now, { previous: last }), []);
});

test('cross-year-carried: one error per column that differs, naming it and both figures', () => {
  const { last, now } = pair();
  const before = last.cells['b.carried_out.business']?.value as number;
  const doctored = withValues(now, { 'b.carried_in.business': before + 3 });
  doctored.meta.year = 2024;
  const findings = crossYearCarried.check(doctored, { previous: last });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.severity, 'error');
  assert.match(findings[0]?.message ?? '', /「商业企业」列：2024年「二、上年结转」为\d+，而2023年报告「四、结转下年度继续办理」为\d+/);
  assert.deepEqual([findings[0]?.expected, findings[0]?.actual], [before, before + 3]);
  assert.deepEqual(findings[0]?.keys, ['b.carried_in.business']);
});

test('cross-year-carried: no previous, a year that is not the one before, or a blank: not judged', () => {
  const { last, now } = pair();
  const doctored = withValues(now, { 'b.carried_in.natural': 999, 'b.carried_in.legal': null });
  doctored.meta.year = 2024;
  assert.equal(crossYearCarried.check(doctored, {}).length, 0);
  last.meta.year = 2022;
  assert.equal(crossYearCarried.check(doctored, { previous: last }).length, 0);
  last.meta.year = 2023;
  const keys = crossYearCarried.check(doctored, { previous: last }).map((f) => f.keys?.[0]);
  assert.ok(keys.includes('b.carried_in.natural'));
  assert.ok(!keys.includes('b.carried_in.legal'));
});
