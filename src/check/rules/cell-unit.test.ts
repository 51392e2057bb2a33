import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReport } from '../../report/index.ts';
import { validReport } from '../testing.ts';
import { cellUnit } from './cell-unit.ts';

function withRaw(raws: Record<string, string>, format: '2021' | '2019' = '2021') {
  const base = validReport();
  const report = buildReport({ format, values: {}, sections: base.sections, meta: { agency: base.meta.agency, year: base.meta.year } });
  for (const [key, raw] of Object.entries(raws)) {
    report.cells[key] = { key, value: Number(raw.replace(/[^\d.]/g, '')), raw };
  }
  return report;
}

test('cell-unit: 万元 in the fee column, and bare numbers, are fine', () => {
  assert.deepEqual(cellUnit.check(withRaw({ 'a.fees.amount': '1234.5万元', 'b.new.natural': '3' })), []);
  assert.deepEqual(cellUnit.check(withRaw({ 'a.fees.amount': '0元' })), []);
});

test('cell-unit: 元 in a 万元 column is reported, not converted', () => {
  const findings = cellUnit.check(withRaw({ 'a.procurement.amount': '48213907.26元' }, '2019'));
  assert.deepEqual(
    findings.map((f) => [f.keys, f.actual]),
    [[['a.procurement.amount'], '48213907.26元']],
  );
  assert.match(findings[0]?.message ?? '', /单位为万元.*4821\.3907万元/);
});

test('cell-unit: money in a count column is reported', () => {
  assert.deepEqual(
    cellUnit.check(withRaw({ 'a.licensing.decisions': '356000元' })).map((f) => f.keys),
    [['a.licensing.decisions']],
  );
});
