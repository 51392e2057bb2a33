import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../db/index.ts';
import { randomCases } from '../testing/cases.ts';
import { encodeGbk } from '../testing/fixtures.ts';
import { withDatabase } from '../testing/db.ts';
import { adminActor } from './actor.ts';
import { createAgency } from './agencies.ts';
import { importCases, readCaseBytes, TEMPLATE_COLUMNS, validateCases } from './import-cases.ts';

const admin = adminActor('管理员');

function csv(rows: Record<string, string>[]): string {
  return stringify([[...TEMPLATE_COLUMNS], ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => r[c] ?? ''))]);
}

const row = (over: Record<string, string> = {}): Record<string, string> => ({
  编号: '2024-001',
  申请人类型: '自然人',
  申请人: '李小明',
  联系方式: '13812345678',
  提交方式: '当面',
  提交日期: '2024-03-01',
  申请内容: '某工程的批复文件',
  ...over,
});

function problemsOf(records: Record<string, string>[], today = '2025-06-30'): string {
  const r = validateCases(records, today);
  assert.ok('problems' in r, 'expected the rows to be refused');
  return r.problems.map((p) => `第${p.row}行：${p.problems.join('；')}`).join('\n');
}

test('import: a NUL or another control character in a field is refused by row and column, before the database', () => {
  const text = problemsOf([row(), row({ 编号: '2', 申请人: '李\u0000小明' })]);
  assert.match(text, /第3行：「申请人」含有不可见的控制字符/);
  assert.doesNotMatch(text, /李/);
});

test('import: a malformed CSV is one Chinese line naming the line, never quoting the field', async () => {
  const bytes = new TextEncoder().encode(`${TEMPLATE_COLUMNS.join(',')}\n1,自然人,"王秘密,139,当面\n`);
  await assert.rejects(readCaseBytes('x.csv', bytes), (e: unknown) => {
    assert.ok(e instanceof AppError && e.code === 'invalid');
    assert.match(e.message, /^CSV 文件第\d+行附近有未闭合的引号/);
    assert.doesNotMatch(e.message, /王秘密|139/);
    return true;
  });
});

test('import: dates before the 条例 took effect or after today are refused', () => {
  const text = problemsOf([
    row({ 提交日期: '2007-12-31' }),
    row({ 编号: '2', 提交日期: '2025-07-01' }),
    row({ 编号: '3', 答复日期: '2099-01-01', 办理结果: '予以公开' }),
  ]);
  assert.match(text, /第2行：「提交日期」2007-12-31 早于《政府信息公开条例》施行之日 2008-05-01/);
  assert.match(text, /第3行：「提交日期」2025-07-01 晚于今天 2025-06-30/);
  assert.match(text, /第4行：.*「答复日期」2099-01-01 晚于今天/);
});

test('import: a 1 MB cell is refused by row', () => {
  assert.match(problemsOf([row({ 申请内容: '字'.repeat(1_000_000) })]), /第2行：「申请内容」有 1000000 个字符，超过上限 10000/);
});

test('import: GBK and UTF-16 CSVs (Excel on Chinese Windows) are read', async () => {
  const text = csv([row()]);
  const utf16le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
  const utf16noBom = new Uint8Array(Buffer.from(text, 'utf16le'));
  const gbk = encodeGbk(text);
  for (const [name, bytes] of [
    ['utf-16le', utf16le],
    ['utf-16le without BOM', utf16noBom],
    ['gbk', gbk],
  ] as const) {
    const records = await readCaseBytes('cases.csv', bytes);
    assert.equal(records[0]?.['申请人'], '李小明', name);
    assert.equal(records[0]?.['申请内容'], '某工程的批复文件', name);
  }
});

test('import: a 编号 already in the register is named with its row', () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, admin, { name: '青山县民政局' });
    const first = randomCases(4, 3, [2024]).map((r, i) => ({ ...r, 编号: `A-${i}` }));
    await importCases(db, admin, agency.id, first);
    const second: Record<string, string>[] = randomCases(5, 3, [2024]).map((r, i) => ({ ...r, 编号: `B-${i}` }));
    second[2] = { ...second[2], 编号: 'A-1' } as Record<string, string>;
    await assert.rejects(importCases(db, admin, agency.id, second), (e: unknown) => {
      assert.ok(e instanceof AppError && e.code === 'invalid');
      assert.match(e.message, /第4行：本机关已有编号为「A-1」的申请/);
      return true;
    });
  }));
