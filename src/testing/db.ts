import pg from 'pg';
import { type Database, migratedSnapshot, openDatabase } from '../db/index.ts';
import { seedCalendar } from '../register/index.ts';

let snapshot: Promise<Blob> | undefined;

/**
 * A fresh register database for one test: a clone of a migrated, calendar-seeded PGlite
 * snapshot; or, when GONGKAI_TEST_PG names a PostgreSQL server (as .ci/run does), a new
 * database created on it and dropped by `close()`.
 */
export async function testDatabase(): Promise<Database> {
  const server = process.env.GONGKAI_TEST_PG;
  if (server) return (await serverTestDatabase(server)).db;
  snapshot ??= migratedSnapshot(seedCalendar);
  return openDatabase({ dataDir: 'memory://', snapshot: await snapshot, migrate: false });
}

/** A new migrated, calendar-seeded database on a PostgreSQL server, with its address; `close()` drops it. */
export async function serverTestDatabase(server: string): Promise<{ db: Database; url: string }> {
  const name = `gk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  await seedCalendar(db);
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    const drop = new pg.Client({ connectionString: server });
    await drop.connect();
    await drop.query(`drop database if exists ${name}`);
    await drop.end();
  };
  return { db, url: url.toString() };
}

/** Runs a test body with a fresh database, closing it however the body ends. */
export async function withDatabase(body: (db: Database) => Promise<void>): Promise<void> {
  const db = await testDatabase();
  try {
    await body(db);
  } finally {
    await db.close();
  }
}
