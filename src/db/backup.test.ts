import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { AppError } from '../errors.ts';
import { backupFolder, restoreFolder } from './backup.ts';
import { openDatabase } from './open.ts';

let root = '';
let good = '';

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
  good = join(root, 'good');
  const db = await openDatabase({ dataDir: good });
  await db.transaction('测试', (tx) => tx.query("insert into agencies (name) values ('东湖区民政局')"));
  await db.close();
});

function damaged(name: string, damage: (dir: string) => void): string {
  const dir = join(root, name);
  cpSync(good, dir, { recursive: true });
  damage(dir);
  return dir;
}

const clear = (dir: string) => (e: unknown) => {
  assert.ok(e instanceof AppError, `not an AppError: ${String(e)}`);
  assert.ok(e.message.includes(dir), e.message);
  assert.match(e.message, /无法打开|已损坏/);
  assert.match(e.message, /db restore/);
  return true;
};

test('corrupt data folder: a truncated pg_control or WAL is one Chinese error naming the folder and what to do', async () => {
  const control = damaged('control', (dir) => truncateSync(join(dir, 'global', 'pg_control'), 100));
  await assert.rejects(openDatabase({ dataDir: control }), clear(control));
  const wal = damaged('wal', (dir) => {
    for (const f of readdirSync(join(dir, 'pg_wal'))) if (/^[0-9A-F]{24}$/.test(f)) truncateSync(join(dir, 'pg_wal', f), 0);
  });
  await assert.rejects(openDatabase({ dataDir: wal }), clear(wal));
  // The lock is given back: a restore can take the folder.
  assert.equal(existsSync(join(control, 'gongkai.lock')), false);
});

test('db backup and restore: a damaged folder is replaced by the backup, the damaged one kept aside', async () => {
  const file = join(root, 'backup.tar.gz');
  assert.ok((await backupFolder(good, file)) > 0);
  const broken = damaged('broken', (dir) => truncateSync(join(dir, 'global', 'pg_control'), 0));
  const aside = await restoreFolder(broken, file);
  assert.ok(aside && existsSync(join(aside, 'global', 'pg_control')));
  const db = await openDatabase({ dataDir: broken });
  try {
    assert.deepEqual((await db.query<{ name: string }>('select name from agencies')).rows, [{ name: '东湖区民政局' }]);
  } finally {
    await db.close();
  }
  await assert.rejects(restoreFolder(broken, join(good, 'PG_VERSION')), /不是有效的台账备份/);
  await assert.rejects(backupFolder(good, file, 'postgres://x'), /pg_dump/);
});
