import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textToDocument } from '../text/read-text.ts';
import { findHeadings } from './headings.ts';

// Regression: our own PDF, read back, lost sections 一 and 二: its fonts map 「一」「二」 to the
// Kangxi radicals 「⼀」「⼆」.
test('headings numbered with Kangxi radicals (as PDF fonts write 一 and 二) are found', () => {
  const doc = textToDocument('x.txt', ['⼀、总体情况', '本年度…', '⼆、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况'].join('\n'));
  const headings = findHeadings(doc, false);
  assert.deepEqual(
    headings.map((h) => [h.id, h.line, h.start, h.text]),
    [
      [1, 0, 0, '一、总体情况'],
      [2, 2, 0, '二、主动公开政府信息情况'],
      [3, 3, 0, '三、收到和处理政府信息公开申请情况'],
    ],
  );
});
