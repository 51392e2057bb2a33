import { adminActor } from './actor.ts';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { AppError, openDatabase } from '../db/index.ts';
import { randomCases } from '../testing/cases.ts';
import { withDatabase } from '../testing/db.ts';
import { createAgency } from './agencies.ts';
import { importCases, TEMPLATE_COLUMNS, validateCases } from './import-cases.ts';

/** An administrator of the test register. */
const as = (userId: string) => adminActor(userId);

function csv(rows: Record<string, string>[]): string {
  return stringify([[...TEMPLATE_COLUMNS], ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => r[c] ?? ''))]);
}

test('import: one bad row and nothing is written; every problem named with its row', () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, as('a'), { name: '青山县交通运输局' });
    const rows = randomCases(3, 40, [2024]);
    rows[4] = { ...rows[4], 申请人类型: '个体户', 提交日期: '2024-13-01' } as Record<string, string>;
    rows[9] = { ...rows[9], 办理结果: '看心情', 答复日期: '2024-05-05' } as Record<string, string>;
    await assert.rejects(importCases(db, as('a'), agency.id, rows), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.match(e.message, /没有写入任何记录。2 行有问题/);
      assert.match(e.message, /第6行：「申请人类型」为「个体户」[\s\S]*「提交日期」为「2024-13-01」/);
      assert.match(e.message, /第11行：「办理结果」为「看心情」，无法对应到表三的办理结果/);
      return true;
    });
    const { rows: count } = await db.query<{ n: number }>('select count(*)::int as n from applications');
    assert.equal(count[0]?.n, 0);
    assert.equal(await importCases(db, as('a'), agency.id, randomCases(3, 40, [2024])), 40);
  }));

test('import: outcomes in the wording staff use map to table B rows', () => {
  const base = randomCases(4, 1, [2024])[0] as Record<string, string>;
  const outcomes = ['予以公开', '（二）部分公开', '不予公开-保护第三方合法权益', '（四）1.本机关不掌握相关政府信息', '重复申请', '3.其他'].map(
    (o) => {
      const r = validateCases([{ ...base, 办理结果: o, 答复日期: '2024-12-30' }]);
      return 'cases' in r ? r.cases[0]?.outcome : r.problems[0]?.problems.join();
    },
  );
  assert.deepEqual(outcomes, ['granted', 'partial', 'refused.third_party', 'unable.not_held', 'rejected.duplicate', 'other.other']);
});

test('import: the process killed in the middle leaves none of the rows; a full run leaves all', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-kill-'));
  const data = join(dir, 'db');
  const file = join(dir, 'cases.csv');
  writeFileSync(file, csv(randomCases(5, 30000, [2023, 2024])));
  const bin = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
  const env = { ...process.env, GONGKAI_DATA: data, DATABASE_URL: '' };
  const run = (args: string[], killAfterProgress = false) =>
    new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stderr.on('data', (chunk: Buffer) => {
        if (killAfterProgress && /已导入 \d+\//.test(String(chunk))) child.kill('SIGKILL');
      });
      child.on('exit', (code) => resolve(code));
    });
  assert.equal(await run(['agency', 'add', '南岭县教育局']), 0);
  assert.equal(await run(['import', file, '--agency', '南岭县教育局'], true), null, 'the import was killed');
  const count = async () => {
    const db = await openDatabase({ dataDir: data });
    try {
      return (await db.query<{ n: number }>('select count(*)::int as n from applications')).rows[0]?.n;
    } finally {
      await db.close();
    }
  };
  assert.equal(await count(), 0);
  assert.equal(await run(['import', file, '--agency', '南岭县教育局']), 0);
  assert.equal(await count(), 30000);
});

test('import: rows go through the application schema too (a name longer than 200 characters is refused by row)', () => {
  const base = randomCases(6, 2, [2024]);
  const long = { ...base[1], 申请人: '某'.repeat(201) } as Record<string, string>;
  const r = validateCases([base[0] as Record<string, string>, long]);
  assert.ok('problems' in r);
  assert.equal(r.problems[0]?.row, 3);
  assert.match(r.problems[0]?.problems.join() ?? '', /「申请人」/);
});
