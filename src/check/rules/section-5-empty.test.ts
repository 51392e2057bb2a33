import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport } from '../testing.ts';
import { section5Empty } from './section-5-empty.ts';

test('section-5-empty: real problems stated', () => {
  assert.deepEqual(section5Empty.check(validReport()), []);
});

test('section-5-empty: 「无」 and empty', () => {
  for (const text of ['无', '', '无。']) {
    const report = validReport();
    const s5 = report.sections.find((s) => s.id === 5);
    if (s5) s5.text = text;
    assert.equal(section5Empty.check(report).length, 1, JSON.stringify(text));
  }
});
