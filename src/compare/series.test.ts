// The engine on a generated series: three years of a government and three departments entered
// through the register, computed by reportFromRegister, rendered to DOCX and read back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkSeries } from '../check/index.ts';
import { runChecks } from '../check/index.ts';
import type { Database } from '../db/index.ts';
import { readReportBytes } from '../ingest/read-report.ts';
import { renderDocx } from '../render/index.ts';
import { cellValues, type Report } from '../report/index.ts';
import { testDatabase } from '../testing/db.ts';
import { fillSeries, SERIES_AGENCIES, seriesReports } from '../testing/series.ts';
import { aggregate } from './aggregate.ts';
import { compareReports, compareSet } from './compare-reports.ts';

let db: Database;
let computed: Report[] = [];
let read: Report[] = [];

/** A report as a reviewer gets it: rendered by the product, published on a date, read back. */
async function published(report: Report, date: string): Promise<Report> {
  const copy = { ...report, meta: { ...report.meta, date } };
  // DOCX: the HTML reader does not keep the rendered signature's date (the page's <footer>).
  const file = `${report.meta.year}/${report.meta.agency}.docx`;
  return readReportBytes(file, await renderDocx(copy));
}

// Departments publish on 20 January; the government's 2023 report on 2 April (late).
const dateOf = (r: Report) => (r.meta.agency === SERIES_AGENCIES[0] && r.meta.year === 2023 ? '2024-04-02' : `${(r.meta.year as number) + 1}-01-20`);

before(async () => {
  db = await testDatabase();
  const ids = await fillSeries(db);
  computed = await seriesReports(db, ids);
  read = await Promise.all(computed.map((r) => published(r, dateOf(r))));
});
after(() => db.close());

const find = (reports: Report[], agency: string, year: number) => reports.find((r) => r.meta.agency === agency && r.meta.year === year) as Report;
const rulesOf = (findings: { rule: string }[][], rule: string) => findings.map((fs) => fs.filter((f) => f.rule === rule).length);

test("series: the read-back reports are the register's, and each is valid on its own", () => {
  assert.equal(read.length, 12);
  for (const [i, r] of read.entries()) {
    assert.deepEqual(cellValues(r), cellValues(computed[i] as Report));
    assert.deepEqual(
      runChecks(r).filter((f) => f.severity === 'error'),
      [],
    );
  }
  // The register carries applications over: some year has something in 二.
  assert.ok(read.some((r) => (r.cells['b.carried_in.total']?.value ?? 0) > 0));
});

test('series: a true series raises no carry-over or in-force finding', () => {
  const findings = checkSeries(read.map((report) => ({ report })));
  assert.deepEqual(
    rulesOf(findings, 'cross-year-carried'),
    read.map(() => 0),
  );
  assert.deepEqual(
    rulesOf(findings, 'cross-year-in-force'),
    read.map(() => 0),
  );
});

test('series: a doctored carry-over fires cross-year-carried on that report and column only', async () => {
  const target = find(computed, '东湖区司法局', 2024);
  const doctored: Report = structuredClone(target);
  (doctored.cells['b.carried_in.research'] as { value: number }).value += 2;
  (doctored.cells['b.carried_in.total'] as { value: number }).value += 2;
  const set = read.map((r) => (r.meta.agency === '东湖区司法局' && r.meta.year === 2024 ? doctored : r));
  const back = await published(doctored, '2025-01-20');
  set[set.indexOf(doctored)] = back;
  const findings = checkSeries(set.map((report) => ({ report })));
  const fired = findings.flatMap((fs, i) =>
    fs.filter((f) => f.rule === 'cross-year-carried').map((f) => [set[i]?.meta.agency, set[i]?.meta.year, f.keys?.[0]]),
  );
  assert.deepEqual(fired, [
    ['东湖区司法局', 2024, 'b.carried_in.research'],
    ['东湖区司法局', 2024, 'b.carried_in.total'],
  ]);
});

test('series: a doctored in-force count warns cross-year-in-force', () => {
  const target = structuredClone(find(read, '东湖区教育局', 2023));
  (target.cells['a.normative.in_force'] as { value: number }).value += 7;
  const findings = checkSeries(read.map((r) => ({ report: r.meta.agency === '东湖区教育局' && r.meta.year === 2023 ? target : r })));
  assert.equal(
    findings.flat().filter((f) => f.rule === 'cross-year-in-force').length,
    2,
    'this year against the last, and the next year against this',
  );
});

test('series: sameness is high on the copied section and low on independent ones', () => {
  const copied = compareReports(
    find(read, '东湖区民政局', 2023),
    find(read, '东湖区民政局', 2024),
    read.filter((r) => r.meta.year === 2024),
  );
  const five = copied.sections.find((s) => s.id === 5);
  assert.ok((five?.lastYear?.score ?? 0) >= 0.95, `copied: ${five?.lastYear?.score}`);
  assert.ok((five?.lastYear?.passages[0]?.text.length ?? 0) > 40);
  assert.ok(copied.findings.some((f) => f.rule === 'narrative-copied' && /「五、存在的主要问题及改进情况」与2023年度报告相同/.test(f.message)));
  const own = compareReports(
    find(read, '东湖区司法局', 2023),
    find(read, '东湖区司法局', 2024),
    read.filter((r) => r.meta.year === 2024),
  );
  for (const s of own.sections) {
    assert.ok((s.lastYear?.score ?? 0) < 0.2, `section ${s.id} last year: ${s.lastYear?.score}`);
    assert.ok((s.peer?.score ?? 0) < 0.2, `section ${s.id} peer: ${s.peer?.score}`);
  }
  assert.equal(own.findings.filter((f) => f.rule === 'narrative-copied').length, 0);
});

test("series: compareSet pairs every agency's consecutive years; the late government report is flagged", () => {
  const all = compareSet(read);
  assert.deepEqual(
    all.map((c) => `${c.agency}${c.previous.year}-${c.current.year}`),
    SERIES_AGENCIES.map((a) => `${a}2022-2023`).concat(SERIES_AGENCIES.map((a) => `${a}2023-2024`)),
  );
  const late = checkSeries(read.map((report) => ({ report })));
  const flagged = read.filter((_, i) => late[i]?.some((f) => f.rule === 'published-late')).map((r) => `${r.meta.agency}${r.meta.year}`);
  assert.deepEqual(flagged, ['东湖区人民政府2023']);
  // Each cell's change is this year's value minus last year's.
  const c = all[0]!;
  const before = find(read, c.agency as string, 2022);
  const now = find(read, c.agency as string, 2023);
  for (const ch of c.cells) assert.equal(ch.change, (now.cells[ch.key]?.value as number) - (before.cells[ch.key]?.value as number), ch.key);
});

test('series: aggregation totals equal the sum of the inputs, per year and level', () => {
  const entries = read.map((report) => ({ report, findings: runChecks(report) }));
  const groups = aggregate(entries, { by: 'level' });
  assert.deepEqual(
    groups.map((g) => [g.name, g.reports]),
    [2022, 2023, 2024].flatMap((y) => [
      [`${y}年·人民政府`, 1],
      [`${y}年·部门`, 3],
    ]),
  );
  for (const g of groups) {
    const members = read.filter((r) => r.meta.year === g.year && (r.meta.agency === SERIES_AGENCIES[0]) === (g.level === 'government'));
    for (const t of g.totals) {
      const expected = members.reduce((s, r) => s + (r.cells[t.key]?.value ?? 0), 0);
      assert.equal(t.sum, expected, `${g.name} ${t.key}`);
    }
    assert.equal(g.totals.length, 200);
    const ranked = g.rankings.applications;
    assert.deepEqual(
      ranked.map((r) => r.value),
      members.map((r) => r.cells['b.new.total']?.value as number).sort((a, b) => b - a),
    );
  }
});
