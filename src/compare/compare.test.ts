import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport, withValues } from '../check/testing.ts';
import { aggregate } from './aggregate.ts';
import { cellChanges } from './cell-changes.ts';
import { diffText } from './text-diff.ts';

test('diffText: same, figures, removed and added sentences in order', () => {
  assert.deepEqual(diffText('甲乙丙。今年收到3件。旧的一句。结尾。', '甲乙丙。今年收到5件！新的一句。结尾。'), [
    { kind: 'same', text: '甲乙丙。' },
    { kind: 'figures', text: '今年收到5件！', before: '今年收到3件。' },
    { kind: 'removed', text: '旧的一句。' },
    { kind: 'added', text: '新的一句。' },
    { kind: 'same', text: '结尾。' },
  ]);
  assert.deepEqual(diffText('', '一句。'), [{ kind: 'added', text: '一句。' }]);
});

test('cellChanges: largest absolute move first, blanks last, relative to the previous value', () => {
  const before = withValues(validReport(3), { 'a.penalty.decisions': 10, 'a.licensing.decisions': 100, 'c.review.total': null });
  const after = withValues(before, { 'a.penalty.decisions': 15, 'a.licensing.decisions': 40 });
  const changes = cellChanges(before, after);
  assert.equal(changes.length, 200);
  assert.deepEqual(changes[0], {
    key: 'a.licensing.decisions',
    label: '表二「行政许可」「本年处理决定数量」',
    previous: 100,
    current: 40,
    change: -60,
    relative: -0.6,
  });
  assert.equal(changes[1]?.key, 'a.penalty.decisions');
  assert.equal(changes.at(-1)?.key, 'c.review.total');
  assert.equal(changes.at(-1)?.change, null);
});

test('aggregate: a year per group, totals of printed numbers, blanks counted, equal values share a rank', () => {
  const make = (agency: string, year: number, fresh: number, blank = false) => {
    const r = withValues(validReport(year + fresh), { 'b.new.total': fresh, ...(blank ? { 'c.review.corrected': null } : {}) });
    r.meta.agency = agency;
    r.meta.year = year;
    return r;
  };
  const entries = [make('甲局', 2024, 5), make('乙局', 2024, 9), make('丙局', 2024, 5, true), make('甲局', 2023, 7)].map((report) => ({
    report,
    findings: report.meta.agency === '乙局' ? [{ rule: 'b-balance', severity: 'error' as const, message: 'x' }] : [],
  }));
  const groups = aggregate(entries);
  assert.deepEqual(
    groups.map((g) => [g.name, g.reports]),
    [
      ['2023年', 1],
      ['2024年', 3],
    ],
  );
  const g = groups[1]!;
  assert.equal(g.totals.find((t) => t.key === 'b.new.total')?.sum, 19);
  assert.deepEqual(
    g.totals.find((t) => t.key === 'c.review.corrected'),
    {
      key: 'c.review.corrected',
      label: '表四「行政复议」「结果纠正」',
      sum: (entries[0]!.report.cells['c.review.corrected']?.value as number) + (entries[1]!.report.cells['c.review.corrected']?.value as number),
      reports: 2,
      blank: 1,
    },
  );
  assert.deepEqual(
    g.rankings.applications.map((r) => [r.rank, r.agency, r.value]),
    [
      [1, '乙局', 9],
      [2, '丙局', 5],
      [2, '甲局', 5],
    ],
  );
  assert.deepEqual(
    g.flagged.map((f) => [f.agency, f.errors, f.rules]),
    [['乙局', 1, ['b-balance']]],
  );
});
