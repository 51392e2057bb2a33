import { type SpecialDay, SEED_YEARS, seedSpecialDays, WorkCalendar } from '../calendar/index.ts';
import type { Database, Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { type Actor, adminActor, assertAdmin } from './actor.ts';

/** Seeds the calendar table from the bundled data (2019–2026) when it is empty. */
export async function seedCalendar(db: Database): Promise<void> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from calendar_years');
  if ((rows[0]?.n ?? 0) > 0) return;
  await db.transaction(adminActor('system').userId, (tx) => writeYears(tx, seedSpecialDays(), SEED_YEARS, 'chinese-days'));
}

/**
 * Replaces the special days of some years (a new 放假通知), in one transaction. A past year, or
 * a year some agency has locked, changes deadlines already counted and who was overdue: it is
 * refused unless `force`; a forced import is marked in the calendar's source, and the audit
 * trail keeps the years' previous rows (calendar_days and calendar_years are audited).
 */
export async function importCalendar(
  db: Database,
  actor: Actor,
  days: readonly SpecialDay[],
  years: readonly number[],
  source: string,
  options: { force?: boolean; today?: string } = {},
): Promise<void> {
  assertAdmin(actor);
  const thisYear = Number((options.today ?? new Date().toISOString()).slice(0, 4));
  await db.transaction(actor.userId, async (tx) => {
    const locked = await tx.query<{ year: number }>('select distinct year from year_locks where year = any($1::int[]) order by year', [[...years]]);
    const past = years.filter((y) => y < thisYear);
    const history = [...new Set([...past, ...locked.rows.map((r) => r.year)])].sort();
    if (history.length && !options.force) {
      throw new AppError(
        'conflict',
        `${[past.length ? `${past.join('、')}年已经过去` : '', locked.rows.length ? `${locked.rows.map((r) => r.year).join('、')}年已锁定` : ''].filter(Boolean).join('，')}：改动其日历会改变已计算的期限和逾期情况；确需更正请强制导入（记入修改记录）`,
        { years: history },
      );
    }
    await writeYears(tx, days, years, history.length ? `${source}（强制导入：${history.join('、')}年）` : source);
  });
}

async function writeYears(tx: Queryable, days: readonly SpecialDay[], years: readonly number[], source: string): Promise<void> {
  for (const year of years) {
    await tx.query('delete from calendar_days where extract(year from day) = $1', [year]);
    await tx.query(
      'insert into calendar_years (year, source) values ($1, $2) on conflict (year) do update set source = excluded.source, imported_at = now()',
      [year, source],
    );
  }
  const list = days.filter((d) => years.includes(Number(d.day.slice(0, 4))));
  for (let i = 0; i < list.length; i += 200) {
    const chunk = list.slice(i, i + 200);
    const values = chunk.map((_, j) => `($${j * 3 + 1}::date, $${j * 3 + 2}, $${j * 3 + 3})`).join(', ');
    await tx.query(
      `insert into calendar_days (day, working, name) values ${values}`,
      chunk.flatMap((d) => [d.day, d.working, d.name]),
    );
  }
}

/** The working-day calendar as stored. */
export async function loadCalendar(db: Queryable): Promise<WorkCalendar> {
  const days = await db.query<SpecialDay>('select day::text as day, working, name from calendar_days');
  const years = await db.query<{ year: number }>('select year from calendar_years');
  return new WorkCalendar(
    days.rows,
    years.rows.map((r) => r.year),
  );
}
