import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APPLICANT_COLUMNS, getFormat, getTable } from '../format/index.ts';
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
