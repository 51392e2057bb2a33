import { type Database, type OpenOptions, openDatabase } from '../db/index.ts';
import { seedCalendar } from './calendar-store.ts';

/** Opens the register's database, migrated, with the working-day calendar seeded. */
export async function openRegister(options: OpenOptions = {}): Promise<Database> {
  const db = await openDatabase(options);
  try {
    await seedCalendar(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
