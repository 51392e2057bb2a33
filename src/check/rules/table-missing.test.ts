import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport } from '../testing.ts';
import { tableMissing } from './table-missing.ts';

test('table-missing: all three tables present', () => {
  assert.deepEqual(tableMissing.check(validReport()), []);
});

test('table-missing: an absent table and a table published as an image', () => {
  const report = validReport();
  report.tables.a.status = 'image';
  report.tables.c.status = 'absent';
  const messages = tableMissing.check(report).map((f) => f.message);
  assert.equal(messages.length, 2);
  assert.match(messages[0] ?? '', /图片/);
  assert.match(messages[1] ?? '', /未找到表四/);
});
