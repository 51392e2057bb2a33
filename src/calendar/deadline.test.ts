import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkCalendar } from './calendar.ts';
import { computeDeadline, correctionNoticeDue } from './deadline.ts';
import { SEED_YEARS, seedSpecialDays } from './seed.ts';

const calendar = new WorkCalendar(seedSpecialDays(), SEED_YEARS);
const clock = (start: string, extra: Partial<Parameters<typeof computeDeadline>[1]> = {}) =>
  computeDeadline(calendar, { start, startReason: '收到申请', days: 20, extension: 0, pauses: [], ...extra });

test('deadline: received the Friday before 国庆 2024 — the holiday skipped, both 调休 Saturdays/Sundays counted', () => {
  const d = clock('2024-09-27');
  assert.equal(d.due, '2024-10-30');
  assert.deepEqual(d.steps, [
    '自2024年9月27日（收到申请）的次日起计算',
    '法定期限20个工作日',
    '不计节假日：2024年10月1日至2024年10月7日（国庆节）',
    '计入调休上班日：2024年9月29日（星期日，国庆节调休上班）、2024年10月12日（星期六，国庆节调休上班）',
    '答复期限：2024年10月30日（星期三）',
  ]);
  assert.deepEqual(d.warnings, []);
});

test('deadline: received just before 春节 2025', () => {
  const d = clock('2025-01-24');
  assert.equal(d.due, '2025-02-27');
  assert.match(d.steps.join('\n'), /不计节假日：2025年1月28日至2025年2月4日（春节）/);
  assert.match(d.steps.join('\n'), /2025年1月26日（星期日，春节调休上班）、2025年2月8日（星期六，春节调休上班）/);
});

test('deadline: received on a 调休 Saturday (2024-10-12): counting starts the next day', () => {
  assert.equal(clock('2024-10-12').due, '2024-11-08');
});

test('deadline: after 补正 the clock restarts from the completed application (清明 2024 inside)', () => {
  const d = computeDeadline(calendar, { start: '2024-03-18', startReason: '收到补正后的申请', days: 20, extension: 0, pauses: [] });
  assert.equal(d.due, '2024-04-16');
  assert.equal(d.steps[0], '自2024年3月18日（收到补正后的申请）的次日起计算');
  assert.match(d.steps.join('\n'), /计入调休上班日：2024年4月7日（星期日，清明节?调休上班）/);
  // The 补正 notice itself is due within 7 working days of receipt.
  assert.equal(correctionNoticeDue(calendar, '2024-03-01'), '2024-03-12');
});

test('deadline: a third-party consultation stops the clock; the 劳动节 调休 Saturday inside it is not counted either', () => {
  const d = clock('2024-05-06', { pauses: [{ from: '2024-05-10', to: '2024-05-24', reason: '征求第三方意见' }] });
  assert.equal(d.due, '2024-06-18');
  assert.ok(d.steps.includes('征求第三方意见：2024年5月11日至2024年5月24日不计算在内（其中11个工作日）'));
  assert.match(d.steps.join('\n'), /不计节假日：2024年6月10日（端午节?）/);
});

test('deadline: a running consultation has no due date; an extension adds its working days', () => {
  const open = clock('2024-05-06', { pauses: [{ from: '2024-05-10', to: null, reason: '征求第三方意见' }] });
  assert.equal(open.due, null);
  assert.equal(open.steps.at(-1), '答复期限：暂停中，恢复后重新计算');
  const extended = clock('2024-09-27', { extension: 20 });
  assert.equal(extended.due, '2024-11-27');
  assert.match(extended.steps[1] ?? '', /经批准延长20个工作日，共40个工作日/);
});

test('deadline: a year without holiday data says so', () => {
  const d = clock('2026-12-20');
  assert.equal(d.due, '2027-01-15');
  assert.match(d.warnings[0] ?? '', /2027年的节假日安排尚未导入日历/);
});
