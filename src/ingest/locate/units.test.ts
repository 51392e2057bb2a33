import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runChecks } from '../../check/index.ts';
import { readReportBytes } from '../read-report.ts';
import { textToDocument } from '../text/read-text.ts';
import { locate } from './locate.ts';

const fixture = fileURLToPath(new URL('../fixtures/units-in-cells/input.txt', import.meta.url));

// Regression: 「48213907.26元」 was taken for a label, and the 2019 政府集中采购 row was dropped as ambiguous.
test('a number with its unit is read, its raw text kept, and a unit contradicting the column is a finding', async () => {
  const report = await readReportBytes('input.txt', new Uint8Array(readFileSync(fixture)));
  const cell = report.cells['a.procurement.amount'];
  assert.deepEqual([cell?.value, cell?.raw], [48213907.26, '48213907.26元']);
  assert.deepEqual([report.cells['a.penalty.decisions']?.raw, report.cells['a.licensing.decisions']?.value], ['356件', 1234]);
  const unit = runChecks(report).filter((f) => f.rule === 'cell-unit');
  assert.deepEqual(
    unit.map((f) => f.keys),
    [['a.procurement.amount']],
  );
});

// Regression: a Markdown separator row (「| --- |」) was read as a row of blank marks.
test('a Markdown separator row is not a row of values', () => {
  const rows = ['| 规章 | 1 | 0 | 3 |', '| --- | :---: | ---: | --- |', '| 行政规范性文件 | 2 | 0 | 5 |'];
  const text = [
    '二、主动公开政府信息情况',
    '| 第二十条第（一）项 |',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  const report = locate(textToDocument('x.md', text));
  assert.deepEqual(
    ['a.rules.issued', 'a.rules.in_force', 'a.normative.issued', 'a.normative.in_force'].map((k) => report.cells[k]?.value),
    [1, 3, 2, 5],
  );
  assert.deepEqual(report.messages, []);
});
