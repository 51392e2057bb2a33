import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import type { Report } from '../../report/index.ts';
import { validReport } from '../testing.ts';
import { agencyKey, agencyLevel } from './agency.ts';
import { checkSeries, peersOf, previousOf, SERIES_RULES } from './run-series.ts';

test('every series rule file is registered, under its file name', () => {
  const files = readdirSync(new URL('./rules/', import.meta.url))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
  assert.deepEqual(SERIES_RULES.map((r) => r.id).sort(), files.sort());
});

test('agency identity: width, spaces, punctuation and Traditional characters folded; level from the name', () => {
  assert.equal(agencyKey(' 東湖區　民政局 '), '东湖区民政局');
  assert.equal(agencyKey('东湖区人民政府（办公室）'), agencyKey('东湖区人民政府办公室'));
  assert.equal(agencyKey(''), null);
  assert.equal(agencyLevel('东湖区人民政府'), 'government');
  assert.equal(agencyLevel('东湖区人民政府办公室'), 'government');
  assert.equal(agencyLevel('临江市政府办公厅'), 'government');
  assert.equal(agencyLevel('东湖区民政局'), 'department');
  assert.equal(agencyLevel('东湖区人民政府梅林街道办事处'), 'department');
});

function report(agency: string | null, year: number, file: string, seed = year): Report {
  const r = validReport(seed);
  r.meta.agency = agency;
  r.meta.year = year;
  r.meta.source = { file, kind: 'text' };
  return r;
}

test('previousOf: pairs by normalised name; a name twice in a year pairs within its folder only', () => {
  const a23 = report('东湖区民政局', 2023, 'a/2023.txt');
  const a24 = report('东湖区 民政局', 2024, 'a/2024.txt');
  const b22 = report('民政局', 2022, 'x/1.txt');
  const b23x = report('民政局', 2023, 'x/2.txt');
  const b23y = report('民政局', 2023, 'y/2.txt');
  const b24y = report('民政局', 2024, 'y/3.txt');
  const b24z = report('民政局', 2024, 'z/3.txt');
  const none = report(null, 2024, 'n.txt');
  const got = previousOf([a23, a24, b22, b23x, b23y, b24y, b24z, none]);
  assert.deepEqual(got, [undefined, a23, undefined, b22, b22, b23y, undefined, undefined]);
});

test('peersOf: small sets compare with every other agency of the year; large sets find the copy by rare passages', () => {
  const small = [report('甲局', 2024, '1'), report('乙局', 2024, '2'), report('甲局', 2024, '3'), report('丙局', 2023, '4')];
  assert.deepEqual(
    peersOf(small).map((ps) => ps.map((p) => p.meta.source.file)),
    [['2'], ['1', '3'], ['2'], []],
  );
  const many = Array.from({ length: 120 }, (_, i) => {
    const r = report(`第${i}局`, 2024, `${i}.txt`, i + 1);
    r.sections = [
      {
        id: 5,
        heading: '五',
        text: `本局第${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[i % 12]}号问题：${'信息发布'.repeat(1)}${String.fromCodePoint(0x4e00 + i * 37)}${String.fromCodePoint(0x4e00 + i * 53)}${String.fromCodePoint(0x5000 + i * 11)}独有内容${String.fromCodePoint(0x6000 + i * 7)}${String.fromCodePoint(0x7000 + i * 13)}。`,
      },
    ];
    return r;
  });
  // Report 7 copies report 99's text.
  many[7]!.sections = [{ ...many[99]!.sections[0]!, text: many[99]!.sections[0]!.text }];
  const peers = peersOf(many);
  assert.equal(peers[7]?.[0], many[99]);
  assert.ok((peers[0]?.length ?? 0) <= 3);
});

test('checkSeries: a doctored carry-over is an error of the later year only', () => {
  const last = report('东湖区民政局', 2023, 'a/2023.txt');
  const now = report('东湖区民政局', 2024, 'a/2024.txt');
  for (const c of ['natural', 'business', 'research', 'social', 'legal', 'other_org', 'total']) {
    (now.cells[`b.carried_in.${c}`] as { value: number }).value = last.cells[`b.carried_out.${c}`]?.value as number;
  }
  assert.deepEqual(
    checkSeries([{ report: last }, { report: now }]).map((fs) => fs.filter((f) => f.rule === 'cross-year-carried').length),
    [0, 0],
  );
  (now.cells['b.carried_in.natural'] as { value: number }).value += 1;
  const findings = checkSeries([{ report: last }, { report: now }]);
  assert.deepEqual(
    findings.map((fs) => fs.filter((f) => f.rule === 'cross-year-carried').map((f) => f.keys?.[0])),
    [[], ['b.carried_in.natural']],
  );
  assert.equal(
    checkSeries([{ report: now, publishedOn: '2025-02-03' }])[0]?.some((f) => f.rule === 'published-late'),
    true,
  );
});
