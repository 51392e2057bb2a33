import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellLabel, cellSpec, cellSpecs, FORMAT_2019, FORMAT_2021, getTable, labelKey } from './index.ts';

test('format 2021: 10 + 175 + 15 cell keys, unique, in the standard order', () => {
  const keys = cellSpecs(FORMAT_2021).map((s) => s.key);
  assert.deepEqual([cellSpecs(FORMAT_2021, 'a').length, cellSpecs(FORMAT_2021, 'b').length, cellSpecs(FORMAT_2021, 'c').length], [10, 175, 15]);
  assert.equal(new Set(keys).size, keys.length);
  assert.deepEqual(keys.slice(0, 3), ['a.rules.issued', 'a.rules.repealed', 'a.rules.in_force']);
  assert.ok(keys.includes('b.refused.third_party.natural') && keys.includes('b.total.total') && keys.includes('c.suit_after_review.pending'));
  const rows = getTable(FORMAT_2021, 'b').blocks[0]?.rows.map((r) => r.key);
  assert.equal(rows?.length, 25);
  assert.deepEqual([rows?.[0], rows?.[1], rows?.at(-2), rows?.at(-1)], ['new', 'carried_in', 'total', 'carried_out']);
});

test('format 2019: its own table A keys and the single （六） row', () => {
  const keys = cellSpecs(FORMAT_2019).map((s) => s.key);
  for (const k of [
    'a.rules.made',
    'a.normative.public_total',
    'a.other_services.change',
    'a.fees.previous',
    'a.procurement.amount',
    'b.other.all.natural',
  ])
    assert.ok(keys.includes(k), k);
  assert.ok(!keys.includes('b.other.no_correction.natural'));
  assert.equal(cellSpec(FORMAT_2019, 'a.licensing.change')?.column.kind, 'change');
  assert.equal(cellSpec(FORMAT_2021, 'a.fees.amount')?.column.kind, 'amount');
});

test('format: the standard wording, exactly', () => {
  const b = getTable(FORMAT_2021, 'b').blocks[0];
  assert.equal(b?.rows.find((r) => r.key === 'partial')?.label, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  assert.equal(b?.rows.find((r) => r.key === 'refused.security_stability')?.label, '3.危及“三安全一稳定”');
  assert.deepEqual(b?.rows.find((r) => r.key === 'unable.not_held')?.groups, ['三、本年度办理结果', '（四）无法提供']);
  assert.equal(getTable(FORMAT_2021, 'a').blocks[3]?.columns[0]?.label, '本年收费金额（单位：万元）');
  assert.equal(cellLabel(FORMAT_2021, 'b.refused.third_party.natural'), '表三「（三）4.保护第三方合法权益」「自然人」');
  // Every row's most specific match fragment is found in its own standard label.
  for (const f of [FORMAT_2021, FORMAT_2019]) {
    for (const s of cellSpecs(f)) assert.ok(labelKey(s.row.label).includes(s.row.match[0] as string) || s.table === 'c', `${f.id} ${s.key}`);
  }
});

test('labelKey: the form labels are compared in', () => {
  assert.equal(labelKey('（二） 部分公开'), labelKey('(二)部分公开'));
  assert.equal(labelKey('根據(jù)規章'), '根據規章');
  assert.equal(labelKey('[bookmark: hmcheck_d28ab08c59064d32bbdf413e250d6ea0]（二）部分公开'), '二部分公开');
});
