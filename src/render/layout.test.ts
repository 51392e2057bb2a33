import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMAT_2019, FORMAT_2021 } from '../format/index.ts';
import { randomReport } from '../testing/random-report.ts';
import { tableLayout } from './layout.ts';

function width(row: { colSpan?: number }[]): number {
  return row.reduce((n, c) => n + (c.colSpan ?? 1), 0);
}

test('layout B: the standard merged header and the 三、本年度办理结果 group spanning its rows', () => {
  const report = randomReport(1, { format: '2021' });
  const b = tableLayout(FORMAT_2021, report, 'b');
  assert.equal(b.columns, 10);
  assert.deepEqual(
    b.head[0]?.map((c) => [c.text.slice(0, 8), c.colSpan, c.rowSpan]),
    [
      ['（本列数据的勾稽', 3, 3],
      ['申请人情况', 7, undefined],
    ],
  );
  assert.equal(b.body.length, 25);
  const group = b.body[2]?.[0];
  assert.deepEqual([group?.text, group?.rowSpan], ['三、本年度办理结果', 22]);
  const refused = b.body[4];
  assert.deepEqual([refused?.[0]?.text, refused?.[0]?.rowSpan, refused?.[1]?.text], ['（三）不予公开', 8, '1.属于国家秘密']);
  assert.equal(b.body[0]?.[0]?.colSpan, 3);
  assert.equal(b.body[3]?.[0]?.colSpan, 2);
  // Every body row covers the label columns once (taking rowspans into account) plus 7 values.
  assert.equal(b.body.filter((r) => r.filter((c) => c.key).length === 7).length, 25);
});

test('layout B 2019: one （六）其他处理 row, so the group spans 20 rows', () => {
  const b = tableLayout(FORMAT_2019, randomReport(2, { format: '2019' }), 'b');
  assert.equal(b.body[2]?.[0]?.rowSpan, 20);
});

test('layout A and C: every row spans the full width', () => {
  const report = randomReport(3, { format: '2021' });
  const a = tableLayout(FORMAT_2021, report, 'a');
  for (const row of a.body) assert.equal(width(row), a.columns);
  const c = tableLayout(FORMAT_2021, report, 'c');
  assert.deepEqual(c.head.map(width), [15, 15, 10]);
  assert.equal(c.body[0]?.length, 15);
});
