import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { renderDocx, renderHtml } from '../../render/index.ts';
import { minimalPdf } from '../../testing/fixtures.ts';
import { writeLayout } from '../../testing/layouts.ts';
import { Random } from '../../testing/random.ts';
import { randomReport } from '../../testing/random-report.ts';
import { expandInputs } from './expand.ts';
import type { JobResult } from './job.ts';
import { runPool } from './pool.ts';
import { runBatch } from './run-batch.ts';

let dir = '';
const good: string[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-batch-'));
  mkdirSync(join(dir, 'city', 'district'), { recursive: true });
  for (let i = 1; i <= 6; i++) {
    const report = randomReport(i, { format: '2021' });
    const sub = i % 2 ? 'city' : join('city', 'district');
    const files: [string, Uint8Array | string][] = [
      [`r${i}.txt`, writeLayout(report, 'pdf', new Random(i))],
      [`r${i}.html`, renderHtml(report)],
      [`r${i}.docx`, await renderDocx(report)],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(join(dir, sub, name), bytes);
      good.push(join(dir, sub, name));
    }
  }
  writeFileSync(join(dir, 'city', 'scan.pdf'), minimalPdf([[]]));
  writeFileSync(join(dir, 'city', 'broken.pdf'), minimalPdf([['x']]).subarray(0, 60));
  writeFileSync(join(dir, 'city', 'empty.txt'), '');
  writeFileSync(join(dir, 'city', 'notes.xyz'), 'not read: unknown ending');
});

function streams() {
  const out = new PassThrough();
  const err = new PassThrough() as unknown as NodeJS.WriteStream;
  const chunks: string[] = [];
  const errs: string[] = [];
  out.on('data', (c) => chunks.push(String(c)));
  (err as unknown as PassThrough).on('data', (c) => errs.push(String(c)));
  return { out, err, text: () => chunks.join(''), errText: () => errs.join('') };
}

test('expand: a folder gives its report files; --recursive goes below it; named files are kept', async () => {
  const flat = await expandInputs([join(dir, 'city')], false);
  assert.equal(flat.length, 3 * 3 + 3);
  const deep = await expandInputs([join(dir, 'city')], true);
  assert.equal(deep.length, 6 * 3 + 3);
  assert.ok(!deep.some((f) => f.endsWith('.xyz')));
  assert.deepEqual(await expandInputs(['nope.txt'], true), ['nope.txt']);
});

test('pool: worker threads give every result, in input order, bad files as errors', async () => {
  const files = await expandInputs([dir], true);
  const results = [];
  for await (const r of runPool(files, { check: true, workers: 2 })) results.push(r);
  assert.deepEqual(
    results.map((r) => r.file),
    files,
  );
  const failed = results.filter((r) => 'error' in r).map((r) => r.file.split('/').pop());
  assert.deepEqual(failed.sort(), ['broken.pdf', 'empty.txt']);
  for (const r of results) if ('report' in r && !r.file.endsWith('scan.pdf')) assert.equal(Object.keys(r.report.cells).length, 200, r.file);
});

test('pool: a file that takes too long is stopped and reported, and the batch goes on', async () => {
  const results = [];
  for await (const r of runPool(good.slice(0, 3), { check: false, workers: 1, timeoutMs: 1 })) results.push(r);
  assert.equal(results.length, 3);
  assert.ok(results.every((r) => 'error' in r && /处理超时/.test(r.error.reason)));
});

test('batch --out .jsonl, .csv and .xlsx: one record per file, cells and findings', async () => {
  const jsonl = join(dir, 'out.jsonl');
  const s = streams();
  const code = await runBatch([dir], { check: true, recursive: true, out: jsonl, workers: 2 }, s);
  assert.equal(code, 2);
  const lines = readFileSync(jsonl, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  // One record per file, then one per report with findings over several reports (`series`).
  assert.equal(lines.filter((l) => !l.series).length, 21);
  assert.ok(lines.slice(21).every((l) => l.series === true && l.findings.length > 0));
  assert.equal(lines.filter((l) => l.error).length, 2);
  assert.match(s.errText(), /== 汇总：21 个文件，读取报告 19 份，提取单元格 3600 个，失败 2 个/);
  assert.match(s.errText(), /pdf-no-text/);
  assert.equal(s.text(), '');

  const csv = join(dir, 'out.csv');
  await runBatch(good.slice(0, 2), { check: false, out: csv }, streams());
  const rows = readFileSync(csv, 'utf8').trim().split('\n');
  assert.equal(rows[0], 'file,key,value,raw');
  assert.equal(rows.length, 1 + 400);

  const xlsx = join(dir, 'out.xlsx');
  await runBatch([...good.slice(0, 3), join(dir, 'city', 'empty.txt')], { check: true, out: xlsx }, streams());
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  const sheet = book.getWorksheet('报告');
  assert.ok(sheet);
  assert.equal(sheet.rowCount, 1 + 4);
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header.slice(0, 6), ['文件', '机关', '年度', '格式', '缺失', '错误']);
  assert.ok(header.includes('b.refused.third_party.natural') && header.includes('a.procurement.amount'));
  assert.equal(sheet.getRow(5).getCell(6).value, '文件为空');
  assert.ok(book.getWorksheet('问题'));
});

test('batch: an unknown --out extension is refused before any work', async () => {
  const s = streams();
  assert.equal(await runBatch(good.slice(0, 1), { check: false, out: join(dir, 'x.pdf') }, s), 2);
  assert.match(s.errText(), /不支持的输出格式「\.pdf」/);
});

const STAND_IN = new URL('./fixtures/misbehaving-worker.mjs', import.meta.url);
const threadOf = (r: JobResult) => ('report' in r ? (r.report as unknown as { threadId: number }).threadId : undefined);

test('pool: workers are replaced after N files and when their heap grows; results stay in input order', async () => {
  const files = Array.from({ length: 12 }, (_, i) => (i === 4 ? `f${i}-fat` : `f${i}`));
  const results: JobResult[] = [];
  for await (const r of runPool(files, { check: false, workers: 2, recycleAfter: 3, entry: STAND_IN })) results.push(r);
  assert.deepEqual(
    results.map((r) => r.file),
    files,
  );
  const perThread = new Map<number, string[]>();
  for (const r of results) perThread.set(threadOf(r) as number, [...(perThread.get(threadOf(r) as number) ?? []), r.file]);
  assert.ok(
    [...perThread.values()].every((f) => f.length <= 3),
    `a worker read more than 3 files: ${JSON.stringify([...perThread.values()])}`,
  );
  assert.ok(perThread.size >= 12 / 3, `${perThread.size} workers`);
  assert.equal(perThread.get(threadOf(results[4] as JobResult) as number)?.at(-1), 'f4-fat', 'the worker that grew read on');
});

test("pool: a file that exhausts its worker's memory, exits it or throws fails alone; the batch goes on", async () => {
  // Each first in its worker, and more than three: not taken for workers that cannot start.
  const files = ['a-oom', 'b-exit', 'c', 'd-throw', 'e-oom', 'f', 'g', 'h'];
  const results: JobResult[] = [];
  for await (const r of runPool(files, { check: false, workers: 2, maxHeapMb: 32, entry: STAND_IN })) results.push(r);
  assert.deepEqual(
    results.map((r) => r.file),
    files,
  );
  const errors = results.map((r) => ('error' in r ? r.error.reasonEn : 'ok'));
  assert.deepEqual(errors, ['out of memory', 'worker exited', 'ok', 'worker failed', 'out of memory', 'ok', 'ok', 'ok']);
  assert.match((results[0] as { error: { reason: string } }).error.reason, /内存不足/);
  assert.ok(
    results.every((r) => 'error' in r || threadOf(r) !== undefined),
    'a file was read outside the workers',
  );
});

test('pool: the real worker, replaced after every file, still reads every file to the same cells', async () => {
  const files = good.slice(0, 6);
  const results: JobResult[] = [];
  for await (const r of runPool(files, { check: true, workers: 2, recycleAfter: 1 })) results.push(r);
  assert.deepEqual(
    results.map((r) => r.file),
    files,
  );
  for (const r of results) assert.ok('report' in r && Object.keys(r.report.cells).length === 200, r.file);
});

test('pool: a single file, or a few, get the time limit and the heap limit as a batch does', async () => {
  for (const files of [['a-hang'], ['a-oom'], ['a-oom', 'b', 'c-hang']]) {
    const results: JobResult[] = [];
    for await (const r of runPool(files, { check: false, timeoutMs: 1500, maxHeapMb: 32, entry: STAND_IN })) results.push(r);
    assert.deepEqual(
      results.map((r) => ('error' in r ? r.error.reasonEn : 'ok')),
      files.map((f) => (f.includes('hang') ? 'timed out' : f.includes('oom') ? 'out of memory' : 'ok')),
      files.join(),
    );
  }
});

test('extract --csv: on a terminal a file name with escape sequences is shown escaped; piped it stays byte-exact', async () => {
  const hostile = join(dir, 'evil\u001b[31mred\u0007.txt');
  writeFileSync(hostile, readFileSync(good[0]!));
  const tty = streams();
  (tty.out as unknown as { isTTY: boolean }).isTTY = true;
  await runBatch([hostile], { check: false, csv: true, workers: 0 }, tty);
  assert.ok(!/[\u0007\u001b]/.test(tty.text()), 'no raw control character on the terminal');
  assert.match(tty.text(), /evil\\u\{1b\}\[31mred\\u\{7\}\.txt/);
  assert.ok(tty.text().split('\n').length > 10, 'rows still on their own lines');
  const piped = streams();
  await runBatch([hostile], { check: false, csv: true, workers: 0 }, piped);
  assert.match(piped.text(), /evil\u001b\[31mred\u0007\.txt/);
});
