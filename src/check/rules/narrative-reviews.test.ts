import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../../report/index.ts';
import { validReport, withValues } from '../testing.ts';
import { narrativeReviews } from './narrative-reviews.ts';

function saying(text: string, values: Record<string, number>): Report {
  const report = withValues(validReport(), values);
  report.sections = [{ id: 4, heading: '四、政府信息公开行政复议、行政诉讼情况', text }];
  return report;
}
const none = { 'c.review.upheld': 0, 'c.review.corrected': 0, 'c.review.other': 0, 'c.review.pending': 0, 'c.review.total': 0 };

test('narrative-reviews: agreeing statements', () => {
  assert.deepEqual(narrativeReviews.check(saying('本年度未发生行政复议。', none)), []);
  assert.deepEqual(narrativeReviews.check(saying('被申请行政复议2件', { ...none, 'c.review.upheld': 2, 'c.review.total': 2 })), []);
  assert.deepEqual(
    narrativeReviews.check(saying('没有因政府信息公开引起行政复议纠错的情形', { ...none, 'c.review.upheld': 1, 'c.review.total': 1 })),
    [],
  );
});

test('narrative-reviews: counts that disagree with table C', () => {
  const findings = narrativeReviews.check(
    saying('本年度未发生因政府信息公开申请行政复议的情况。', { ...none, 'c.review.pending': 1, 'c.review.total': 1 }),
  );
  assert.deepEqual(
    findings.map((f) => [f.expected, f.actual]),
    [[0, 1]],
  );
  const counted = narrativeReviews.check(saying('被申请行政复议3件', { ...none, 'c.review.upheld': 1, 'c.review.total': 1 }));
  assert.deepEqual(
    counted.map((f) => [f.expected, f.actual]),
    [[3, 1]],
  );
});
