import type { Database } from '../db/index.ts';
import { DEMO_GOVERNMENT, type DemoGovernment, fillDemoGovernment } from '../register/demo-government.ts';
import { createUser, ensureFirstAdmin } from './accounts.ts';
import { chinaToday } from './http.ts';
import { type UserRole, USER_ROLES } from './roles.ts';

export { DEMO_GOVERNMENT, USER_ROLES };

/** The password of every demo account (printed at start; the demo is for trying the product, never for production). */
export const DEMO_PASSWORD = 'gongkai-demo';

/** The demo accounts: one per role of the district government, and a department's clerk. */
export const DEMO_USERS: readonly { username: string; displayName: string; role: UserRole; agency: string }[] = [
  { username: 'luru', displayName: '王芳', role: 'clerk', agency: DEMO_GOVERNMENT.name },
  { username: 'shenhe', displayName: '陈志刚', role: 'approver', agency: DEMO_GOVERNMENT.name },
  { username: 'guanli', displayName: '刘敏', role: 'admin', agency: DEMO_GOVERNMENT.name },
  { username: 'shenyue', displayName: '赵磊', role: 'reviewer', agency: DEMO_GOVERNMENT.name },
  { username: 'jiaoyu', displayName: '孙丽', role: 'clerk', agency: '东湖区教育局' },
];

/** Whether the database holds nothing yet: no agency, no application, no user. */
export async function isEmptyRegister(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>(
    'select (select count(*) from agencies) + (select count(*) from applications) + (select count(*) from users) as n',
  );
  return Number(rows[0]?.n ?? 0) === 0;
}

export interface SeededDemo extends DemoGovernment {
  users: typeof DEMO_USERS;
  password: string;
}

/**
 * On an empty database, the demo government (two years of cases through the register's own
 * functions, last year published) and its demo accounts; undefined, doing nothing, when the
 * database holds anything. The accounts come last: a start interrupted half-way leaves no user,
 * and the next start offers the first administrator instead of a second demo.
 */
export async function seedDemo(db: Database, today = chinaToday()): Promise<SeededDemo | undefined> {
  if (!(await isEmptyRegister(db))) return undefined;
  const government = await fillDemoGovernment(db, today);
  for (const u of DEMO_USERS)
    await createUser(db, '演示数据', {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      agencyId: government.agencies[u.agency] as number,
      password: DEMO_PASSWORD,
    });
  return { ...government, users: DEMO_USERS, password: DEMO_PASSWORD };
}

/**
 * What a start does to the database before serving: with the demo (the default), the demo on an
 * empty database; without it (`--no-demo`, production), or when the database is not empty, the
 * first administrator with a one-time password when there is no user yet.
 */
export async function prepareStart(
  db: Database,
  options: { demo: boolean; today?: string },
): Promise<{ demo?: SeededDemo; firstAdmin?: { username: string; password: string } }> {
  const demo = options.demo ? await seedDemo(db, options.today) : undefined;
  if (demo) return { demo };
  const firstAdmin = await ensureFirstAdmin(db);
  return firstAdmin ? { firstAdmin } : {};
}
