// `compare`, `aggregate` and the series findings of `check`, end to end through bin/gongkai.js.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { APPLICANT_COLUMNS } from '../format/index.ts';
import { cellValues, type Report } from '../report/index.ts';
import { writeLayout } from '../testing/layouts.ts';
import { Random } from '../testing/random.ts';
import { randomReport } from '../testing/random-report.ts';
import { seriesText } from '../testing/series.ts';

const bin = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
let dir = '';
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir });
const reports: Report[] = [];

/** A generated report of an agency and year, with the agency's own texts and a publication date. */
function report(agency: string, year: number, seed: number, date: string): Report {
  const r = randomReport(seed, { format: '2021', max: 12 });
  r.meta = { ...r.meta, agency, year, title: `${agency}${year}年政府信息公开工作年度报告`, date };
  const words = agency.includes('人民政府') ? '东湖区人民政府' : agency.includes('民政') ? '东湖区民政局' : '东湖区司法局';
  r.sections = r.sections.map((s) => ({
    ...s,
    text: [1, 5, 6].includes(s.id) ? `${year}年，${seriesText(words, year, s.id)}${s.id === 6 ? '本年度未收取信息处理费。' : ''}` : '',
  }));
  return r;
}

/**
 * Makes `next` follow `previous`: it carries in what `previous` carried out (一 adjusted so its
 * own identities hold), and its documents in force are last year's plus issued minus repealed.
 */
function carryFrom(previous: Report, next: Report): void {
  for (const row of ['rules', 'normative']) {
    const v = (r: Report, c: string) => r.cells[`a.${row}.${c}`]?.value as number;
    (next.cells[`a.${row}.in_force`] as { value: number }).value = v(previous, 'in_force') + v(next, 'issued') - v(next, 'repealed');
  }
  for (const { key } of APPLICANT_COLUMNS) {
    const out = previous.cells[`b.carried_out.${key}`]?.value as number;
    const cell = (k: string) => next.cells[k] as { value: number };
    const fresh = cell(`b.total.${key}`).value + cell(`b.carried_out.${key}`).value - out;
    if (fresh < 0) cell(`b.carried_out.${key}`).value -= fresh;
    cell(`b.carried_in.${key}`).value = out;
    cell(`b.new.${key}`).value = Math.max(fresh, 0);
  }
}

function write(folder: string, name: string, r: Report, seed: number): void {
  mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(join(dir, folder, name), writeLayout(r, 'pipe', new Random(seed)));
  reports.push(r);
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-compare-'));
  const civil23 = report('东湖区民政局', 2023, 21, '2024-01-15');
  const civil24 = report('东湖区民政局', 2024, 22, '2025-01-16');
  carryFrom(civil23, civil24);
  const justice23 = report('东湖区司法局', 2023, 23, '2024-01-20');
  const justice24 = report('东湖区司法局', 2024, 24, '2025-01-21');
  carryFrom(justice23, justice24);
  // A slip: one more application carried in from 2023 by natural persons than 2023 carried out.
  for (const k of ['b.carried_in.natural', 'b.carried_in.total', 'b.total.natural', 'b.total.total', 'b.granted.natural', 'b.granted.total'])
    (justice24.cells[k] as { value: number }).value += 1;
  const government24 = report('东湖区人民政府', 2024, 25, '2025-04-10');
  write('2023', 'civil.txt', civil23, 1);
  write('2023', 'justice.txt', justice23, 2);
  write('2024', 'civil.txt', civil24, 3);
  write('2024', 'justice.txt', justice24, 4);
  write('2024', 'government.txt', government24, 5);
});

test('check over two years: the doctored carry-over is an error of that report, after the per-file findings', () => {
  const r = run('check', '2023', '2024');
  assert.equal(r.status, 1, r.stderr);
  const [own, series] = r.stdout.split('== 跨报告核对');
  assert.doesNotMatch(own ?? '', /cross-year|published-late/);
  assert.match(
    series ?? '',
    /== 2024\/justice\.txt：2个错误，0个警告[\s\S]*\[cross-year-carried\] 表三「自然人」列：2024年「二、上年结转」为\d+，而2023年报告「四、结转下年度继续办理」为\d+/,
  );
  assert.match(series ?? '', /== 2024\/government\.txt：0个错误，1个警告[\s\S]*\[published-late\].*人民政府应于2025年3月31日前公布/);
  assert.doesNotMatch(series ?? '', /civil\.txt/);
  assert.match(r.stderr, /2 {2}错误 {2}cross-year-carried/);
  assert.doesNotMatch(r.stderr, /cross-year-in-force|narrative-copied/);
});

test("compare --json: each agency's years paired, every cell's change largest first, sections scored", () => {
  const r = run('compare', '--json', '2023', '2024');
  assert.equal(r.status, 1, r.stderr);
  const { comparisons } = JSON.parse(r.stdout);
  assert.deepEqual(
    comparisons.map((c: { agency: string; previous: { year: number }; current: { year: number } }) => [c.agency, c.previous.year, c.current.year]),
    [
      ['东湖区民政局', 2023, 2024],
      ['东湖区司法局', 2023, 2024],
    ],
  );
  const [civil, justice] = comparisons;
  assert.equal(civil.cells.length, 200);
  const sizes = civil.cells.map((c: { change: number | null }) => (c.change === null ? -1 : Math.abs(c.change)));
  assert.deepEqual(
    sizes,
    [...sizes].sort((a: number, b: number) => b - a),
  );
  const values23 = cellValues(reports[0] as Report);
  const values24 = cellValues(reports[2] as Report);
  for (const c of civil.cells) assert.equal(c.change, (values24[c.key] as number) - (values23[c.key] as number));
  assert.deepEqual(civil.findings, []);
  assert.deepEqual(
    justice.findings.map((f: { rule: string }) => f.rule),
    ['cross-year-carried', 'cross-year-carried'],
  );
  for (const s of civil.sections) assert.ok(s.lastYear.score < 0.3 && s.peer.score < 0.3, JSON.stringify(s));
  assert.deepEqual(
    civil.sections.map((s: { heading: string }) => s.heading),
    ['一、总体情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
  );
});

test('compare: a Chinese summary, and a workbook with --out', async () => {
  const out = join(dir, 'compare.xlsx');
  const r = run('compare', '2023/civil.txt', '2024/civil.txt', '--top', '3', '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /== 东湖区民政局：2023年 → 2024年（2023\/civil\.txt → 2024\/civil\.txt）/);
  assert.match(r.stdout, /单元格 200 个：有变化 \d+ 个/);
  assert.match(r.stdout, /变化最大的3个：\n {4}表.*：\d+ → \d+（[+-]\d+/);
  assert.match(r.stdout, /五、存在的主要问题及改进情况：与上年相同 \d+(\.\d)?%；新增 \d+ 句/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  assert.deepEqual(
    book.worksheets.map((w) => w.name),
    ['单元格变化', '正文雷同', '问题'],
  );
  assert.equal(book.getWorksheet('单元格变化')?.rowCount, 201);
  assert.equal(book.getWorksheet('单元格变化')?.views[0]?.state, 'frozen');
});

test('compare: reports of different agencies and years only, none paired, exit 2 with a reason', () => {
  const r = run('compare', '2023/civil.txt', '2024/justice.txt', '2024/government.txt');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /没有找到同一机关相邻年度的报告/);
});

test('aggregate --by level --json: totals per year and level equal the sums of the inputs', () => {
  const r = run('aggregate', '.', '-r', '--by', 'level', '--json');
  assert.equal(r.status, 0, r.stderr);
  const { groups, reports: rows } = JSON.parse(r.stdout);
  assert.deepEqual(
    groups.map((g: { name: string; reports: number }) => [g.name, g.reports]),
    [
      ['2023年·部门', 2],
      ['2024年·人民政府', 1],
      ['2024年·部门', 2],
    ],
  );
  const members = [[reports[0], reports[1]], [reports[4]], [reports[2], reports[3]]] as Report[][];
  for (const [i, g] of groups.entries()) {
    for (const t of g.totals) {
      const expected = members[i]!.reduce((s, m) => s + (m.cells[t.key]?.value ?? 0), 0);
      assert.ok(Math.abs(t.sum - expected) < 1e-6, `${g.name} ${t.key}: ${t.sum} ≠ ${expected}`);
    }
  }
  const government = rows.find((x: { agency: string }) => x.agency === '东湖区人民政府');
  assert.deepEqual([government.level, government.warnings > 0], ['government', true]);
  const justice = groups[2].flagged.find((f: { agency: string }) => f.agency === '东湖区司法局');
  assert.ok(justice.rules.includes('cross-year-carried'));
});

test("aggregate --out x.xlsx: one row per report under the spec's Chinese headers, frozen and filtered, with findings", async () => {
  const out = join(dir, 'aggregate.xlsx');
  const r = run('aggregate', '2023', '2024', '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /== 2024年：报告 3 份\n {2}合计：本年新收申请 \d+/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  assert.deepEqual(
    book.worksheets.map((w) => w.name),
    ['报告', '汇总', '排名', '问题'],
  );
  const sheet = book.getWorksheet('报告')!;
  assert.equal(sheet.rowCount, 1 + 5);
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header.slice(0, 8), ['文件', '机关', '层级', '年度', '格式', '发布日期', '错误数', '警告数']);
  assert.ok(header.includes('表三「（三）4.保护第三方合法权益」「自然人」'), String(header.slice(8, 12)));
  assert.equal(sheet.views[0]?.state, 'frozen');
  assert.ok(sheet.autoFilter);
  const rules = book.getWorksheet('问题')!.getColumn(4).values;
  assert.ok(rules.includes('cross-year-carried') && rules.includes('published-late'));
});

test("aggregate and compare --dates: a recorded publication date overrides the document's; a bad row is refused", () => {
  writeFileSync(join(dir, 'dates.csv'), '文件,公布日期\n2024/civil.txt,2025年2月10日\n');
  const r = run('aggregate', '2023', '2024', '--json', '--dates', 'dates.csv');
  assert.equal(r.status, 0, r.stderr);
  const civil = JSON.parse(r.stdout).groups[1].flagged.find((f: { file: string }) => f.file === '2024/civil.txt');
  assert.deepEqual(civil?.rules, ['published-late']);
  const c = run('compare', '--json', '2023/civil.txt', '2024/civil.txt', '--dates', 'dates.csv');
  assert.match(JSON.parse(c.stdout).comparisons[0].findings[0].message, /公布日期为2025年2月10日，晚于法定期限（部门应于2025年1月31日前公布）/);
  writeFileSync(join(dir, 'bad.csv'), 'file,date\n2024/civil.txt,next week\n');
  const bad = run('aggregate', '2024', '--dates', 'bad.csv');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^错误：公布日期文件第2行应为「文件,日期」/);
});
