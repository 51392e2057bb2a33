import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { type DueItem, dueList, OUTCOMES, outcomeLabel, STATE_NAMES } from '../../register/index.ts';
import { chinaToday, flag, id, readQuery, type ServerEnv, year } from '../http.ts';
import { agencyIdsOf } from '../scope.ts';

/** Working days ahead that count as 「即将到期」 on the dashboard. */
export const DUE_SOON_DAYS = 5;

/** A case on the dashboard: its deadline, how far off or overdue, and how the deadline was reached, in Chinese. */
function shownDue(item: DueItem, agencyNames: Map<number, string>) {
  return {
    id: item.id,
    reference: item.reference,
    applicant: item.applicant,
    agencyId: item.agencyId,
    agencyName: agencyNames.get(item.agencyId) ?? '',
    receivedOn: item.receivedOn,
    due: item.due,
    daysLeft: item.daysLeft,
    overdueDays: item.overdueDays,
    state: item.state,
    stateName: STATE_NAMES[item.state],
    explanation: [...item.steps, ...item.warnings],
  };
}

/**
 * The year's figures of some agencies: received and closed within the year, still open at its
 * end (for this year: now), answers by table 三's outcome, and both by month.
 */
async function yearCounts(db: Database, ids: readonly number[], y: number) {
  const { rows: totals } = await db.query<{ received: number; closed: number; open: number }>(
    `select count(*) filter (where received_on >= make_date($2, 1, 1))::int as received,
       count(*) filter (where closed_on between make_date($2, 1, 1) and make_date($2, 12, 31))::int as closed,
       count(*) filter (where closed_on is null or closed_on > make_date($2, 12, 31))::int as open
     from applications where agency_id = any($1::int[]) and received_on <= make_date($2, 12, 31)
       and (closed_on is null or closed_on >= make_date($2, 1, 1))`,
    [ids, y],
  );
  const { rows: outcomes } = await db.query<{ outcome: string; count: number }>(
    `select outcome, count(*)::int as count from applications
     where agency_id = any($1::int[]) and closed_on between make_date($2, 1, 1) and make_date($2, 12, 31) group by outcome`,
    [ids, y],
  );
  const { rows: months } = await db.query<{ month: number; received: number; closed: number }>(
    `select m as month,
       (select count(*) from applications where agency_id = any($1::int[]) and received_on >= make_date($2, m, 1) and received_on < make_date($2, m, 1) + interval '1 month')::int as received,
       (select count(*) from applications where agency_id = any($1::int[]) and closed_on >= make_date($2, m, 1) and closed_on < make_date($2, m, 1) + interval '1 month')::int as closed
     from generate_series(1, 12) as m order by m`,
    [ids, y],
  );
  const byCount = new Map(outcomes.map((o) => [o.outcome, o.count]));
  return {
    ...(totals[0] ?? { received: 0, closed: 0, open: 0 }),
    // In table 三's order; outcomes with no answer left out.
    byOutcome: OUTCOMES.filter((o) => byCount.has(o)).map((o) => ({ outcome: o, label: outcomeLabel(o), count: byCount.get(o) as number })),
    byMonth: months,
  };
}

/** The workbench's first page: cases due soon and overdue with their explained deadlines, and the year's counts so far. */
export function dashboardRoutes(db: Database): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/', async (c) => {
    const q = readQuery(c, z.object({ agency: id.optional(), departments: flag, year: year.optional() }));
    const user = c.get('user');
    // Without an agency: the user's own (with its departments when asked), or every agency for a system administrator.
    const ids = await agencyIdsOf(db, c, q.agency ?? user.agencyId ?? undefined, q.departments);
    const today = chinaToday();
    const y = q.year ?? Number(today.slice(0, 4));
    const due = await dueList(db, c.get('actor'), ids, today, DUE_SOON_DAYS);
    const { rows: agencies } = await db.query<{ id: number; name: string }>('select id, name from agencies where id = any($1::int[])', [ids]);
    const names = new Map(agencies.map((a) => [a.id, a.name]));
    const overdue = due.filter((d) => d.overdue).map((d) => shownDue(d, names));
    const dueSoon = due.filter((d) => !d.overdue).map((d) => shownDue(d, names));
    const counts = await yearCounts(db, ids, y);
    return c.json({ today, year: y, dueSoon, overdue, counts: { ...counts, overdue: overdue.length } });
  });
  return app;
}
