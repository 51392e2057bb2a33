import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { EXTENSIONS } from './extensions.ts';
import { AppError } from './types.ts';
import { lockFolder } from './folder-lock.ts';

const PG_DUMP = '使用 PostgreSQL（DATABASE_URL）时，请用 PostgreSQL 自带的 pg_dump 备份、pg_restore 或 psql 恢复';

/** Says the embedded data folder cannot be opened, naming it and what to do. */
export function corruptFolder(dataDir: string, error: unknown): AppError {
  const gist = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]?.slice(0, 120)}` : String(error).slice(0, 120);
  return new AppError(
    'unavailable',
    `数据目录 ${dataDir} 中的数据库无法打开，文件可能已损坏或不完整（${gist}）。请从备份恢复：gongkai db restore 备份文件（现有目录会改名保留，不会删除）；没有备份时，把该目录移走后重新建立台账`,
    { dataDir },
  );
}

/** Copies the embedded database of `dataDir` into a gzip'd tar file (PGlite's dumpDataDir). */
export async function backupFolder(dataDir: string, file: string, databaseUrl?: string): Promise<number> {
  if (databaseUrl) throw new AppError('unavailable', PG_DUMP);
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0)
    throw new AppError('not_found', `数据目录 ${dataDir} 不存在或为空，没有可备份的数据`);
  const unlock = lockFolder(dataDir);
  try {
    let db: PGlite;
    try {
      db = await PGlite.create({ dataDir, extensions: EXTENSIONS });
      await db.query('select 1');
    } catch (error) {
      throw corruptFolder(dataDir, error);
    }
    try {
      const dump = await db.dumpDataDir('gzip');
      const bytes = new Uint8Array(await dump.arrayBuffer());
      await writeFile(file, bytes);
      return bytes.length;
    } finally {
      await db.close();
    }
  } finally {
    unlock();
  }
}

/**
 * Replaces the data folder by a backup. The backup is loaded and checked in memory first; the
 * current folder, if any, is renamed aside (`<dir>.before-restore-<time>`), never deleted.
 * Returns the folder kept aside, if any.
 */
export async function restoreFolder(dataDir: string, file: string, databaseUrl?: string): Promise<string | undefined> {
  if (databaseUrl) throw new AppError('unavailable', PG_DUMP);
  let blob: Blob;
  try {
    blob = new Blob([await readFile(file)]);
  } catch {
    throw new AppError('not_found', `无法读取备份文件 ${file}`);
  }
  try {
    const probe = await PGlite.create({ loadDataDir: blob, extensions: EXTENSIONS });
    await probe.query('select count(*) from schema_migrations');
    await probe.close();
  } catch {
    throw new AppError('invalid', `${file} 不是有效的台账备份（应为 gongkai db backup 生成的文件）`);
  }
  let aside: string | undefined;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    const unlock = lockFolder(dataDir);
    aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, aside);
    unlock();
    rmSync(join(aside, 'gongkai.lock'), { force: true });
  }
  const unlock = lockFolder(dataDir);
  try {
    const db = await PGlite.create({ dataDir, loadDataDir: blob, extensions: EXTENSIONS });
    await db.close();
  } catch (error) {
    unlock();
    rmSync(dataDir, { recursive: true, force: true });
    if (aside) renameSync(aside, dataDir);
    throw new AppError('unavailable', `恢复失败，原数据目录已复原（${error instanceof Error ? error.message.slice(0, 120) : String(error)}）`);
  }
  unlock();
  return aside;
}
