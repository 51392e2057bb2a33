import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../../report/index.ts';
import { validReport, withValues } from '../testing.ts';
import { narrativeApplications } from './narrative-applications.ts';

function saying(text: string, values: Record<string, number>): Report {
  const report = withValues(validReport(), values);
  report.sections = [{ id: 1, heading: '一、总体情况', text }];
  return report;
}

test('narrative-applications: agreeing statements (new, or new plus carried over)', () => {
  assert.deepEqual(narrativeApplications.check(saying('2023年，本机关共收到政府信息公开申请12件。', { 'b.new.total': 12 })), []);
  assert.deepEqual(
    narrativeApplications.check(saying('共收到政府信息公开申请43件（含上年结转1件）', { 'b.new.total': 42, 'b.carried_in.total': 1 })),
    [],
  );
  assert.deepEqual(narrativeApplications.check(saying('2023年度我局未收到政府信息公开申请。', { 'b.new.total': 0 })), []);
  assert.deepEqual(narrativeApplications.check(saying('收到行政复议申请2件。', { 'b.new.total': 0 })), []);
});

test('narrative-applications: 「未收到申请」 while the table counts some', () => {
  const findings = narrativeApplications.check(saying('本年度未收到政府信息公开申请。', { 'b.new.total': 3 }));
  assert.deepEqual(
    findings.map((f) => [f.rule, f.expected, f.actual]),
    [['narrative-applications', 0, 3]],
  );
});

test('narrative-applications: a stated count that matches neither reading', () => {
  const findings = narrativeApplications.check(saying('全年共收到 依申请公开申请 9 件', { 'b.new.total': 6, 'b.carried_in.total': 1 }));
  assert.deepEqual(
    findings.map((f) => f.expected),
    [9],
  );
});

// A blank is not 0: a blank 总计 is a blank cell, not a contradiction with the text.
test('narrative-applications: a blank table cell is not compared as 0', () => {
  const blankNew = withValues(validReport(), { 'b.new.total': null });
  blankNew.sections = [{ id: 1, heading: '一、总体情况', text: '本机关共收到政府信息公开申请12件。' }];
  assert.deepEqual(narrativeApplications.check(blankNew), []);
  const blankCarried = withValues(validReport(), { 'b.new.total': 11, 'b.carried_in.total': null });
  blankCarried.sections = [{ id: 1, heading: '一、总体情况', text: '本机关共收到政府信息公开申请12件。' }];
  assert.deepEqual(narrativeApplications.check(blankCarried), []);
  blankCarried.sections = [{ id: 1, heading: '一、总体情况', text: '本年度未收到政府信息公开申请。' }];
  assert.equal(narrativeApplications.check(blankCarried).length, 1);
});
