import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportFromJson, reportJson } from './json.ts';
import { cellValues } from './report.ts';

// What `extract --json` prints for a 2021-format table that kept （六） as one row must read back.
test('report JSON: a 2021 report with the merged （六） row round-trips; unknown keys are refused', () => {
  const cells = { 'b.granted.natural': 2, 'b.other.all.natural': 1, 'b.other.all.total': null };
  const parsed = reportFromJson({ agency: '东湖区民政局', year: 2023, format: '2021', cells }, 'r.json');
  assert.ok('report' in parsed);
  assert.deepEqual(cellValues(parsed.report), cells);
  assert.deepEqual((reportJson(parsed.report) as { cells: unknown }).cells, cells);
  const bad = reportFromJson({ agency: '东湖区民政局', year: 2023, format: '2021', cells: { 'b.other.none.natural': 1 } }, 'r.json');
  assert.ok('problems' in bad);
  assert.equal(bad.problems[0]?.path, 'cells.b.other.none.natural');
});
