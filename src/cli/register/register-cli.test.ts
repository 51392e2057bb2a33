import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cellSpecs, FORMAT_2021 } from '../../format/index.ts';

// One register on disk for the file: the commands below are a clerk's year, in order.
const bin = fileURLToPath(new URL('../../../bin/gongkai.js', import.meta.url));
let dir = '';
const gk = (...args: string[]) =>
  spawnSync(process.execPath, [bin, '--actor', '张科长', ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, GONGKAI_DATA: join(dir, 'data'), DATABASE_URL: '' },
  });
const ok = (...args: string[]) => {
  const r = gk(...args);
  assert.equal(r.status, 0, `gongkai ${args.join(' ')}\n${r.stderr}`);
  return r.stdout;
};
const A = ['--agency', '东湖区交通运输局'];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-clerk-'));
});

test('clerk: one application from receipt through 补正, consultation, extension and answer; tables A and C and the sections; the report matches every event', () => {
  ok('agency', 'add', '东湖区人民政府');
  ok('agency', 'add', '东湖区交通运输局', '--parent', '东湖区人民政府');
  assert.match(ok('agency', 'list'), /东湖区人民政府（编号 1）\n {2}东湖区交通运输局（编号 2）/);
  assert.match(
    ok(
      'case',
      'add',
      ...A,
      '--ref',
      '2024-001',
      '--kind',
      '自然人',
      '--applicant',
      '李小明',
      '--contact',
      '13812345678',
      '--channel',
      '挂号信',
      '--submitted',
      '2024-02-26',
      '--confirmed',
      '2024-03-01',
      '--content',
      '某道路改造工程的批复文件',
    ),
    /已登记申请 2024-001：收到日期 2024年3月1日/,
  );
  ok('case', 'event', '2024-001', '补正', ...A, '--date', '2024-03-05', '--items', '请明确工程名称');
  // A second 补正 is refused, with the reason, and changes nothing.
  const again = gk('case', 'event', '2024-001', '补正', ...A, '--date', '2024-03-06');
  assert.equal(again.status, 2);
  assert.match(again.stderr, /^错误：申请当前状态为「待补正」，不能「告知补正」\n$/);
  ok('case', 'event', '2024-001', '收到补正', ...A, '--date', '2024-03-18');
  ok('case', 'event', '2024-001', '征求意见', ...A, '--date', '2024-03-20', '--party', '施工单位');
  const answerWhileConsulting = gk('case', 'event', '2024-001', '答复', ...A, '--date', '2024-03-25', '--outcome', '予以公开');
  assert.match(answerWhileConsulting.stderr, /不能「答复」/);
  ok('case', 'event', '2024-001', '收到意见', ...A, '--date', '2024-03-29');
  const noApprover = gk('case', 'event', '2024-001', '延期', ...A, '--date', '2024-04-08');
  assert.match(noApprover.stderr, /须写明批准人/);
  ok('case', 'event', '2024-001', '延期', ...A, '--date', '2024-04-08', '--approver', '王主任');

  const due = gk('due', ...A, '--today', '2024-05-27');
  assert.equal(due.status, 1, 'an overdue application makes the exit code 1');
  assert.match(due.stdout, /2024-001 {2}已超期1个工作日 {2}期限 2024年5月24日/);
  assert.match(due.stdout, /自2024年3月18日（收到补正后的申请）的次日起计算/);
  const show = ok('case', 'show', '2024-001', ...A);
  assert.match(show, /申请人：李\*\*（自然人）/);
  assert.match(show, /延长答复期限（延长20个工作日，批准人：王主任）/);
  assert.match(show, /答复期限：2024年5月24日/);

  ok('case', 'event', '2024-001', '答复', ...A, '--date', '2024-05-20', '--outcome', '部分公开');
  const list = JSON.parse(ok('case', 'list', ...A, '--year', '2024', '--json'));
  assert.deepEqual(
    list.map((c: { reference: string; state: string; outcome: string }) => [c.reference, c.state, c.outcome]),
    [['2024-001', 'closed', 'partial']],
  );

  ok('proactive', 'set', ...A, '--year', '2024', 'a.normative.issued=3', 'a.normative.in_force=17', 'licensing.decisions=126', 'a.fees.amount=1.25');
  const badA = gk('proactive', 'set', ...A, '--year', '2024', 'a.penalty.decisions=2.5');
  assert.match(badA.stderr, /「a\.penalty\.decisions」应为非负整数/);
  const review = JSON.parse(ok('review', 'add', ...A, '--kind', '复议', '--filed', '2024-06-12', '--case', '2024-001', '--json'));
  ok('review', 'close', String(review.id), '--result', '维持', '--date', '2024-08-09');
  ok('review', 'add', ...A, '--kind', '直接起诉', '--filed', '2024-11-20');
  const texts: Record<number, string> = {
    1: '2024年，本局共收到政府信息公开申请1件，行政复议1件，行政诉讼1件，行政事业性收费1.25万元。',
    2: '',
    3: '',
    4: '',
    5: '答复说理还需加强。',
    6: '本年度未收取信息处理费。',
  };
  for (const s of [1, 5]) ok('text', 'set', texts[s] as string, ...A, '--year', '2024', '--section', String(s));
  writeFileSync(join(dir, 'six.txt'), texts[6] as string);
  ok('text', 'set', ...A, '--year', '2024', '--section', '6', '--file', 'six.txt');

  const report = JSON.parse(ok('report', ...A, '--year', '2024'));
  const expected: Record<string, number> = Object.fromEntries(cellSpecs(FORMAT_2021).map((s) => [s.key, 0]));
  Object.assign(expected, {
    'b.new.natural': 1,
    'b.new.total': 1,
    'b.partial.natural': 1,
    'b.partial.total': 1,
    'b.total.natural': 1,
    'b.total.total': 1,
    'a.normative.issued': 3,
    'a.normative.in_force': 17,
    'a.licensing.decisions': 126,
    'a.fees.amount': 1.25,
    'c.review.upheld': 1,
    'c.review.total': 1,
    'c.suit_direct.pending': 1,
    'c.suit_direct.total': 1,
  });
  assert.deepEqual(report.cells, expected);
  assert.deepEqual(
    report.sections.map((s: { text: string }) => s.text),
    [1, 2, 3, 4, 5, 6].map((s) => texts[s]),
  );
  assert.deepEqual(report.findings, []);

  // The audit trail of the application, in Chinese, by its 编号.
  const audit = ok('audit', ...A, '--case', '2024-001');
  assert.match(audit, /张科长 {2}修改申请\n {4}状态：办理中 → 已办结\n {4}办理结果：（空） → （二）部分公开/);
  assert.match(audit, /新增办理环节\n {4}类型：延长答复期限/);
  assert.doesNotMatch(audit, /李小明|13812345678/);
});

test('clerk: report --to docx shows on stderr the warnings --to json carries', () => {
  ok('agency', 'add', '西坪乡人民政府');
  const json = JSON.parse(ok('report', '--agency', '西坪乡人民政府', '--year', '2024'));
  const warnings = json.findings.filter((f: { severity: string }) => f.severity === 'warning');
  assert.ok(warnings.length > 0);
  const docx = gk('report', '--agency', '西坪乡人民政府', '--year', '2024', '--to', 'docx', '--out', 'x.docx');
  assert.equal(docx.status, 0, docx.stderr);
  for (const w of warnings) assert.ok(docx.stderr.includes(`[${w.rule}]`), `${w.rule} missing from: ${docx.stderr}`);
});

test('clerk: argument errors and help in Chinese; required options marked; db info names the data folder', () => {
  const missing = gk('due');
  assert.equal(missing.status, 2, 'argument errors exit 2, like every other refusal');
  assert.match(missing.stderr, /^错误：缺少必填选项 --agency <name>\n（使用 --help 查看用法）/);
  assert.doesNotMatch(missing.stderr, /error:|required option/);
  const help = ok('case', 'add', '--help');
  assert.match(help, /^用法： gongkai case add \[选项\]/);
  assert.match(help, /--agency <name> +机关名称（或编号）（必填）/);
  assert.match(help, /--contact <联系方式> +联系方式\n/);
  const unknown = gk('case', 'event', '2024-001', '催办', ...A);
  assert.match(unknown.stderr, /未知的办理环节「催办」/);
  const info = JSON.parse(ok('db', 'info', '--json'));
  assert.equal(info.location, join(dir, 'data'));
  assert.equal(info.chosenBy, 'GONGKAI_DATA');
  assert.equal(info.actor, '张科长');
});
