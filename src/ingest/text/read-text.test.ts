import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitCells } from './read-text.ts';

test('splitCells: outer pipes are dropped, a lone 「|」 is one blank cell', () => {
  assert.deepEqual(splitCells('| 规章 | 0 | 1 |'), [' 规章 ', ' 0 ', ' 1 ']);
  assert.deepEqual(splitCells('信息内容 |'), ['信息内容 ']);
  assert.deepEqual(splitCells('|'), ['']);
  assert.deepEqual(splitCells(' |'), ['']);
  assert.equal(splitCells('no cells here'), undefined);
});

// Regression: 「 | 0 | — | 9 |…」 (a row whose first cell is blank) lost that cell as if it were
// an outer pipe, and every value of table 四 moved one column left.
test('splitCells: spaces before the first pipe of a row are its blank first cell', () => {
  assert.deepEqual(splitCells(' | 0 | — | 9 |'), [' ', ' 0 ', ' — ', ' 9 ']);
});
