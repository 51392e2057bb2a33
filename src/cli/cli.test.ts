import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { writeLayout } from '../testing/layouts.ts';
import { Random } from '../testing/random.ts';
import { randomReport } from '../testing/random-report.ts';

const bin = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
let dir = '';
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
  const good = randomReport(4, { format: '2021' });
  writeFileSync(join(dir, 'good.txt'), writeLayout(good, 'pipe', new Random(1)));
  const bad = randomReport(5, { format: '2021' });
  const cell = bad.cells['c.review.total'];
  if (cell && cell.value !== null) cell.value += 1;
  writeFileSync(join(dir, 'bad.txt'), writeLayout(bad, 'pdf', new Random(2)));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'junk.txt'), new Uint8Array([0, 1, 2, 3, 255, 254]));
  writeFileSync(join(dir, 'other.txt'), '今天天气很好，我们去公园散步。\n');
  mkdirSync(join(dir, 'folder'));
});

test('extract --json: one line per file with file, agency, year, format, cells and missing', () => {
  const r = run('extract', '--json', 'good.txt');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const row = JSON.parse(lines[0] as string);
  assert.equal(row.file, 'good.txt');
  assert.equal(row.format, '2021');
  assert.equal(Object.keys(row.cells).length, 200);
  assert.deepEqual(row.missing, []);
  assert.equal(typeof row.agency, 'string');
});

test('extract --csv: long rows file,key,value,raw', () => {
  const r = run('extract', '--csv', 'good.txt');
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'file,key,value,raw');
  assert.equal(lines.length, 201);
  assert.match(lines[1] ?? '', /^good\.txt,a\.rules\.issued,\d+,\d+$/);
});

test('extract: terminal layout shows the standard tables', () => {
  const r = run('extract', 'good.txt');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /（三）4\.保护第三方合法权益/);
  assert.match(r.stdout, /行政诉讼·复议后起诉/);
});

test('check: exit 1 on an error finding, findings grouped by file', () => {
  const r = run('check', 'good.txt', 'bad.txt');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /== good\.txt：0个错误/);
  assert.match(r.stdout, /== bad\.txt：1个错误[\s\S]*\[c-group-sum\]/);
});

test('check --json adds findings; unreadable inputs exit 2 with one line each and the others still run', () => {
  const r = run('check', '--json', 'empty.txt', 'good.txt', 'missing.txt', 'junk.txt', 'other.txt', 'folder');
  assert.equal(r.status, 2);
  const rows = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(rows.length, 5);
  assert.deepEqual(rows[1].findings, []);
  assert.equal(rows[0].error, '文件为空');
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('错误：'));
  assert.equal(errors.length, 4);
  for (const [i, name] of ['empty.txt', 'missing.txt', 'junk.txt', 'other.txt'].entries()) {
    assert.match(errors[i] ?? '', new RegExp(`^错误：${name}：.+（error: ${name}: .+）$`));
  }
  assert.match(r.stderr, /== 汇总：5 个文件，读取报告 1 份，提取单元格 200 个，失败 4 个/);
  assert.doesNotMatch(r.stderr, /at \w+ \(/);
});
