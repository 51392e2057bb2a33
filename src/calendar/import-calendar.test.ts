import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkCalendar } from './calendar.ts';
import { computeDeadline } from './deadline.ts';
import { parseCalendarFile } from './import-calendar.ts';

test('calendar file: next year’s notice typed by hand makes the year known', () => {
  const parsed = parseCalendarFile('# 2027 国庆\n2027-10-01,休,国庆节\n2027-10-04 休 国庆节\n2027-09-26\t班\t国庆节调休\n');
  assert.ok('days' in parsed);
  assert.deepEqual(parsed.years, [2027]);
  const calendar = new WorkCalendar(parsed.days, parsed.years);
  assert.equal(calendar.isWorking('2027-09-26'), true);
  assert.equal(calendar.isWorking('2027-10-01'), false);
  const d = computeDeadline(calendar, { start: '2027-09-24', startReason: '收到申请', days: 7, extension: 0, pauses: [] });
  // 26 (调休), 27, 28, 29, 30; 1 and 4 October off, 2–3 the weekend; then 5 and 6.
  assert.equal(d.due, '2027-10-06');
  assert.deepEqual(d.warnings, []);
});

test('calendar file: bad lines are named', () => {
  const parsed = parseCalendarFile('2027-02-30,休,春节\n2027-10-01,放个假\n');
  assert.ok('problems' in parsed);
  assert.deepEqual(
    parsed.problems.map((p) => p.line),
    [1, 2],
  );
  assert.match(parsed.problems[1]?.message ?? '', /应为「休」或「班」/);
});
