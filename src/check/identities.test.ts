import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APPLICANT_COLUMNS } from '../format/index.ts';
import { outcomeRows } from './identities.ts';
import { bOutcomeSum } from './rules/b-outcome-sum.ts';
import { validReport, withValues } from './testing.ts';

/** A 2021-format report whose （六） group was kept as one row (b.other.all.<column>). */
function merged(shift = 0) {
  const report = withValues(
    validReport(),
    Object.fromEntries(
      ['other.no_correction', 'other.fee_unpaid', 'other.other'].flatMap((r) => APPLICANT_COLUMNS.map((c) => [`b.${r}.${c.key}`, undefined])),
    ),
  );
  const original = validReport();
  for (const c of APPLICANT_COLUMNS) {
    const sum = ['other.no_correction', 'other.fee_unpaid', 'other.other'].reduce((a, r) => a + (original.cells[`b.${r}.${c.key}`]?.value ?? 0), 0);
    const key = `b.other.all.${c.key}`;
    report.cells[key] = { key, value: sum + (c.key === 'natural' ? shift : 0), raw: String(sum) };
  }
  return report;
}

test('identities: a merged （六） row stands in for its three rows in (七)总计', () => {
  assert.ok(outcomeRows(merged()).includes('other.all'));
  assert.ok(!outcomeRows(validReport()).includes('other.all'));
  assert.deepEqual(bOutcomeSum.check(merged()), []);
  assert.deepEqual(
    bOutcomeSum.check(merged(2)).map((f) => f.keys?.[0]),
    ['b.total.natural'],
  );
});
