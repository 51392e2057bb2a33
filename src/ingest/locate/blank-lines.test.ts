import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellValues } from '../../report/index.ts';
import { textToDocument } from '../text/read-text.ts';
import { locate } from './locate.ts';

const HEAD = ['三、收到和处理政府信息公开申请情况', '申请人情况', '自然人', '总计'];
const NEXT = ['二、上年结转政府信息公开申请数量', '1', '0', '0', '0', '0', '0', '1'];
const TAIL = ['五、存在的主要问题及改进情况', '无。'];
const read = (row: string[]) => {
  const report = locate(textToDocument('x.txt', [...HEAD, '一、本年新收政府信息公开申请数量', ...row, ...NEXT, ...TAIL].join('\n')));
  const values = cellValues(report);
  return [
    ['natural', 'business', 'research', 'social', 'legal', 'other_org', 'total'].map((c) => values[`b.new.${c}`]),
    values['b.carried_in.natural'],
  ];
};

// Regression: a blank row written as a few lines holding only 「|」 was dropped as ambiguous.
test('a row holding no number, whatever its count of 「|」 lines, is a blank row; the next row keeps its values', () => {
  assert.deepEqual(read(['|', '|']), [[null, null, null, null, null, null, null], 1]);
  assert.deepEqual(read(['', '', '']), [[null, null, null, null, null, null, null], 1]);
});

test('blank cells as empty lines: one line per cell', () => {
  assert.deepEqual(read(['2', '', '', '', '', '1', '3']), [[2, null, null, null, null, 1, 3], 1]);
});

test('blank cells as empty lines: each cell followed by an empty line', () => {
  const lines = ['', '2', '', '', '', '', '', '', '', '', '', '1', '', '3', ''];
  assert.deepEqual(read(lines), [[2, null, null, null, null, 1, 3], 1]);
});

test('empty lines that could be the first or the last cell leave the row unplaced, never guessed', () => {
  const report = locate(
    textToDocument('x.txt', [...HEAD, '一、本年新收政府信息公开申请数量', '', '2', '0', '0', '0', '1', '3', '', ...NEXT, ...TAIL].join('\n')),
  );
  assert.equal(report.cells['b.new.natural'], undefined);
  assert.deepEqual(
    report.messages.map((m) => m.rule),
    ['read-row-ambiguous'],
  );
  assert.equal(report.cells['b.carried_in.total']?.value, 1);
});
