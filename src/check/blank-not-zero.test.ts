import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { APPLICANT_COLUMNS, getFormat, getTable } from '../format/index.ts';
import { readReportBytes } from '../ingest/index.ts';
import { runChecks } from './run-checks.ts';
import { validReport, withValues } from './testing.ts';

// Regression: a report that leaves the 总计 column blank got one arithmetic error per row
// (「各类申请人之和为N，但总计为0」) and the same cells again as blank cells.
test('a blank 总计 column is reported as blank cells, not as arithmetic errors', () => {
  const rows = getTable(getFormat('2021'), 'b').blocks[0]?.rows ?? [];
  const report = withValues(validReport(), Object.fromEntries(rows.map((r) => [`b.${r.key}.total`, null])));
  const findings = runChecks(report);
  assert.deepEqual(
    findings.filter((f) => f.severity === 'error'),
    [],
  );
  const blank = findings.filter((f) => f.rule === 'cell-blank');
  assert.equal(blank.length, 1);
  assert.equal(blank[0]?.actual, rows.length);
  assert.match(blank[0]?.message ?? '', /「总计」（按各列应为\d+）/);
});

test('arithmetic findings name only printed numbers: a blank part leaves the identity to cell-blank', () => {
  const report = withValues(validReport(), { 'b.granted.natural': null, 'b.granted.total': 999 });
  const findings = runChecks(report);
  assert.deepEqual(
    findings.filter((f) => f.rule === 'b-applicant-sum' && f.keys?.includes('b.granted.natural')),
    [],
  );
  // The other identities that hold only printed numbers are still checked.
  assert.ok(findings.some((f) => f.rule === 'b-outcome-sum' && f.keys?.[0] === 'b.total.total'));
  assert.ok(APPLICANT_COLUMNS.length === 7);
});

// Regression (golden fixture blank-totals): a report that leaves the 总计 column of tables 三 and
// 四 blank got 「各类申请人之和为N，但总计为0」 for every row, and the same cells again as blanks.
test('fixture blank-totals: no arithmetic error, one blank finding per table saying what 总计 should be', async () => {
  const file = fileURLToPath(new URL('../ingest/fixtures/blank-totals/input.txt', import.meta.url));
  const report = await readReportBytes('input.txt', new Uint8Array(readFileSync(file)));
  const findings = runChecks(report);
  assert.deepEqual(
    findings.filter((f) => f.severity === 'error' && f.rule !== 'table-missing').map((f) => f.rule),
    [],
  );
  const blank = findings.filter((f) => f.rule === 'cell-blank');
  assert.deepEqual(
    blank.map((f) => f.actual),
    [25, 3],
  );
  assert.match(blank[0]?.message ?? '', /「一、本年新收政府信息公开申请数量」「总计」（按各列应为9）/);
  assert.match(blank[1]?.message ?? '', /表四「行政复议」「总计」（按各结果应为2）/);
});
