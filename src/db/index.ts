/** The database: PGlite embedded by default, PostgreSQL by URL; migrations; one transaction per change. */
export { openDatabase, migratedSnapshot, type OpenOptions } from './open.ts';
export { migrate, MIGRATIONS } from './migrations.ts';
export { AppError, type Database, type Queryable } from './types.ts';
export { lockFolder } from './folder-lock.ts';
export { dbError } from './errors.ts';
export { backupFolder, corruptFolder, restoreFolder } from './backup.ts';
