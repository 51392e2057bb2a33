import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../db/index.ts';
import { withDatabase } from '../testing/db.ts';
import { adminActor } from './actor.ts';
import { createAgency } from './agencies.ts';
import { importCalendar, loadCalendar } from './calendar-store.ts';
import { auditTrail, lockYear } from './registers.ts';

const admin = adminActor('管理员');
const rewrite = [{ day: '2024-10-01', working: true, name: '误录' }];

test("calendar import: a past year's calendar is refused unless forced, and forcing is audited", () =>
  withDatabase(async (db) => {
    const today = '2026-03-01';
    await assert.rejects(
      importCalendar(db, admin, rewrite, [2024], '2024.txt', { today }),
      (e: unknown) => e instanceof AppError && e.code === 'conflict' && /2024年已经过去/.test(e.message),
    );
    assert.equal((await loadCalendar(db)).isWorking('2024-10-01'), false, '国庆节 is still a holiday');
    await importCalendar(db, admin, [{ day: '2027-10-01', working: false, name: '国庆节' }], [2027], '2027.txt', { today });
    await importCalendar(db, admin, rewrite, [2024], '2024.txt', { today, force: true });
    assert.equal((await loadCalendar(db)).isWorking('2024-10-01'), true);
    const trail = await auditTrail(db, admin, { table: 'calendar_years', rowKey: '2024' });
    assert.equal(trail[0]?.actor, '管理员');
    assert.match((trail[0]?.after as { source: string }).source, /强制导入：2024年/);
    assert.equal((trail[0]?.before as { source: string }).source, 'chinese-days');
    const days = await auditTrail(db, admin, { table: 'calendar_days', limit: 1000 });
    assert.ok(days.some((d) => d.action === 'delete' && (d.before as { day: string }).day === '2024-10-01'));
  }));

test("calendar import: a locked year's calendar is refused even in the current year", () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, admin, { name: '东湖区民政局' });
    await lockYear(db, admin, agency.id, 2026);
    await assert.rejects(
      importCalendar(db, admin, [{ day: '2026-10-09', working: false, name: '补休' }], [2026], '2026.txt', { today: '2026-11-01' }),
      (e: unknown) => e instanceof AppError && /已锁定/.test(e.message),
    );
  }));
