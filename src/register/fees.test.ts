import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feeByCount, feeByPages } from './fees.ts';

test('按件: free to 10, ¥100 to 30, then ¥100 more per band of 10', () => {
  assert.deepEqual(
    [1, 10, 11, 30, 31, 40, 41, 50, 51].map((n) => feeByCount(n).amount),
    [0, 0, 100, 100, 200, 200, 300, 300, 400],
  );
  assert.match(feeByCount(35).basis, /第31至40件每件200元/);
  assert.throws(() => feeByCount(0), RangeError);
});

test('按量: 30 pages free, ¥10 to 100, ¥20 to 200, ¥40 beyond', () => {
  assert.deepEqual(
    [0, 30, 31, 100, 101, 200, 201, 250].map((n) => feeByPages(n).amount),
    [0, 0, 10, 700, 720, 2700, 2740, 4700],
  );
  assert.equal(feeByPages(250).basis, '共250页，前30页不收费，31至100页每页10元，101至200页每页20元，201至250页每页40元');
});
