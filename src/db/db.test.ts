import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { withDatabase } from '../testing/db.ts';
import { lockFolder } from './folder-lock.ts';
import { migrate, splitStatements } from './migrations.ts';
import { AppError } from './types.ts';

test('db: the test database is the kind asked for (PostgreSQL server under GONGKAI_TEST_PG, else PGlite)', () =>
  withDatabase(async (db) => {
    assert.equal(db.kind, process.env.GONGKAI_TEST_PG ? 'postgres' : 'pglite');
    const { rows } = await db.query<{ v: string }>('select version() as v');
    assert.match(rows[0]?.v ?? '', /PostgreSQL/);
  }));

test('db: migrations run once; a failed transaction leaves nothing behind', () =>
  withDatabase(async (db) => {
    assert.deepEqual(await migrate(db), []);
    await assert.rejects(
      db.transaction('t', async (tx) => {
        await tx.query("insert into agencies (name) values ('甲')");
        await tx.query("insert into agencies (name) values ('甲')");
      }),
    );
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from agencies');
    assert.equal(rows[0]?.n, 0);
    const audit = await db.query<{ n: number }>("select count(*)::int as n from audit_log where table_name = 'agencies'");
    assert.equal(audit.rows[0]?.n, 0);
  }));

test('db: a data folder is refused to a second process while the first lives; a dead holder’s lock is taken over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-lock-'));
  writeFileSync(join(dir, 'gongkai.lock'), String(process.ppid));
  assert.throws(
    () => lockFolder(dir),
    (e: unknown) => e instanceof AppError && /正被另一个进程（PID \d+）使用/.test(e.message),
  );
  writeFileSync(join(dir, 'gongkai.lock'), '999999');
  const release = lockFolder(dir);
  release();
});

test('db: SQL split on semicolons outside $$ bodies, strings and comments', () => {
  assert.deepEqual(splitStatements("-- a; comment\nselect 1; create function f() returns int language sql as $$ select 1; $$; select ';'"), [
    'select 1',
    'create function f() returns int language sql as $$ select 1; $$',
    "select ';'",
  ]);
});
