import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../errors.ts';
import { type CaseFacts, parseEvent, transition } from './lifecycle.ts';

const open: CaseFacts = { state: 'received', receivedOn: '2024-03-01', lastEventOn: '2024-03-01', corrected: false, extended: false };

test('lifecycle: 补正 stops and restarts the clock; an answer closes with a table B outcome', () => {
  assert.deepEqual(transition(open, { kind: 'correction_requested', onDate: '2024-03-05' }), { state: 'awaiting_correction' });
  assert.deepEqual(transition({ ...open, state: 'awaiting_correction' }, { kind: 'correction_received', onDate: '2024-03-18' }), {
    state: 'received',
    clockStart: '2024-03-18',
  });
  assert.deepEqual(transition(open, { kind: 'answered', onDate: '2024-03-20', data: { outcome: 'refused.third_party' } }), {
    state: 'closed',
    outcome: 'refused.third_party',
    closedOn: '2024-03-20',
  });
  assert.equal(transition({ ...open, state: 'awaiting_fee' }, { kind: 'fee_lapsed', onDate: '2024-04-01' }).outcome, 'other.fee_unpaid');
  assert.equal(transition({ ...open, state: 'consulting' }, { kind: 'withdrawn', onDate: '2024-04-01' }).outcome, 'other.other');
});

test('lifecycle: illegal transitions are refused with a Chinese reason', () => {
  const refused = (facts: CaseFacts, event: Parameters<typeof transition>[1], reason: RegExp) =>
    assert.throws(
      () => transition(facts, event),
      (e: unknown) => e instanceof AppError && reason.test(e.message),
    );
  refused(
    { ...open, state: 'closed' },
    { kind: 'answered', onDate: '2024-03-09', data: { outcome: 'granted' } },
    /当前状态为「已办结」，不能「答复」/,
  );
  refused({ ...open, corrected: true }, { kind: 'correction_requested', onDate: '2024-03-09' }, /补正只能告知一次/);
  refused({ ...open, extended: true }, { kind: 'extension', onDate: '2024-03-09', data: { days: 10, approver: '王主任' } }, /只能延长一次/);
  refused(open, { kind: 'extension', onDate: '2024-03-09', data: { days: 25, approver: '王主任' } }, /1至20个工作日/);
  refused(open, { kind: 'extension', onDate: '2024-03-09', data: { days: 20 } as { days: number; approver: string } }, /批准人/);
  refused(open, { kind: 'answered', onDate: '2024-03-09', data: { outcome: 'other.fee_unpaid' } }, /答复结果「other\.fee_unpaid」无效/);
  refused(open, { kind: 'answered', onDate: '2024-02-09', data: { outcome: 'granted' } }, /早于上一环节/);
  refused({ ...open, state: 'consulting' }, { kind: 'answered', onDate: '2024-03-09', data: { outcome: 'granted' } }, /不能「答复」/);
});

test('lifecycle: one schema for every event — unknown kinds and bad data refused in Chinese, defaults filled', () => {
  assert.throws(
    () => parseEvent({ kind: 'reminded', onDate: '2024-03-01' }),
    (e: unknown) => e instanceof AppError && /未知的办理环节「reminded」/.test(e.message),
  );
  assert.throws(
    () => parseEvent({ kind: 'answered', onDate: '2024-3-1', data: { outcome: 'granted' } }),
    (e: unknown) => e instanceof AppError && /日期应为 YYYY-MM-DD/.test(e.message),
  );
  assert.deepEqual(parseEvent({ kind: 'extension', onDate: '2024-03-01', data: { approver: '王主任' } }).data, { approver: '王主任', days: 20 });
  assert.deepEqual(parseEvent({ kind: 'correction_received', onDate: '2024-03-01' }).data, {});
});
