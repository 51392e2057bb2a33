import { Hono } from 'hono';
import { z } from 'zod';
import { parseCalendarFile } from '../../calendar/index.ts';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import {
  addReview,
  auditTrail,
  closeReview,
  describeAudit,
  dueList,
  getApplication,
  importCalendar,
  listReviews,
  REVIEW_KINDS,
  REVIEW_RESULTS,
  type ReviewKind,
  type ReviewResult,
} from '../../register/index.ts';
import { day, flag, id, readJson, readParam, readQuery, type ServerEnv, year } from '../http.ts';
import { assertSystemAdmin } from '../roles.ts';
import { agencyIdsOf } from '../scope.ts';

const reviewKind = z.enum(Object.keys(REVIEW_KINDS) as [ReviewKind, ...ReviewKind[]], {
  error: `类型应为：${Object.values(REVIEW_KINDS).join('、')}`,
});
const reviewResult = z.enum(Object.keys(REVIEW_RESULTS) as [ReviewResult, ...ReviewResult[]], {
  error: `结果应为：${Object.values(REVIEW_RESULTS).join('、')}`,
});

function today(): string {
  // The agencies' calendar day (China Standard Time), whatever the server's zone.
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The years the stored calendar knows (with where each came from) and, for a year, its special days. */
async function calendarOf(db: Database, y: number | undefined) {
  const years = await db.query<{ year: number; source: string }>('select year, source from calendar_years order by year');
  const days =
    y === undefined
      ? []
      : (
          await db.query<{ day: string; working: boolean; name: string }>(
            'select day::text as day, working, name from calendar_days where extract(year from day) = $1 order by day',
            [y],
          )
        ).rows;
  return { years: years.rows, days };
}

/** The due list, reconsiderations and lawsuits (table C), and the whole audit trail. */
export function registerRoutes(db: Database): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/due', async (c) => {
    const q = readQuery(
      c,
      z.object({ agency: id.optional(), departments: flag, today: day.optional(), days: z.coerce.number().int().min(0).max(60).default(5) }),
    );
    const ids = await agencyIdsOf(db, c, q.agency, q.departments);
    const when = q.today ?? today();
    return c.json({ today: when, items: await dueList(db, c.get('actor'), ids, when, q.days) });
  });

  app.get('/reviews', async (c) => {
    const q = readQuery(c, z.object({ agency: id.optional(), departments: flag, year: year.optional() }));
    const ids = await agencyIdsOf(db, c, q.agency, q.departments);
    const items = await listReviews(db, c.get('actor'), ids, q.year);
    return c.json({
      items: items.map((r) => ({ ...r, kindName: REVIEW_KINDS[r.kind], resultName: r.result ? REVIEW_RESULTS[r.result] : '尚未审结' })),
    });
  });

  app.post('/reviews', async (c) => {
    const input = await readJson(
      c,
      z.object({ agencyId: id, kind: reviewKind, filedOn: day, applicationId: id.optional(), note: z.string().max(2000).optional() }),
    );
    if (input.applicationId !== undefined) {
      const application = await getApplication(db, c.get('actor'), input.applicationId);
      if (application.agencyId !== input.agencyId) throw new AppError('invalid', '所涉申请不是该机关的申请');
    }
    return c.json({ id: await addReview(db, c.get('actor'), input) }, 201);
  });

  app.post('/reviews/:id/close', async (c) => {
    const input = await readJson(c, z.object({ result: reviewResult, closedOn: day }));
    await closeReview(db, c.get('actor'), readParam(c, 'id', id), input.result, input.closedOn);
    return c.json({ ok: true });
  });

  // The working-day calendar: the years it knows and a year's special days (holidays, 调休 working weekends).
  app.get('/calendar', async (c) => {
    const q = readQuery(c, z.object({ year: year.optional() }));
    return c.json(await calendarOf(db, q.year));
  });

  // Next year's 放假通知, typed as lines 「2027-10-01,休,国庆节」: replaces the years it names (system administrator).
  app.post('/calendar', async (c) => {
    assertSystemAdmin(c.get('user'));
    const { text } = await readJson(c, z.object({ text: z.string().max(100_000) }));
    const parsed = parseCalendarFile(text);
    if ('problems' in parsed)
      throw new AppError('invalid', parsed.problems.map((p) => `第${p.line}行：${p.message}`).join('；'), { problems: parsed.problems });
    await importCalendar(db, c.get('actor'), parsed.days, parsed.years, `网页导入（${c.get('user').username}）`);
    return c.json({ years: parsed.years, days: parsed.days.length });
  });

  // The whole trail is the system administrator's; an application's trail is under /applications/:id/audit.
  app.get('/audit', async (c) => {
    assertSystemAdmin(c.get('user'));
    const q = readQuery(
      c,
      z.object({
        table: z.string().max(60).optional(),
        row: z.string().max(100).optional(),
        actor: z.string().max(100).optional(),
        from: day.optional(),
        to: day.optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
    );
    if (q.from && q.to && q.from > q.to) throw new AppError('invalid', '开始日期晚于结束日期');
    const entries = await auditTrail(db, c.get('actor'), { table: q.table, rowKey: q.row, actor: q.actor, from: q.from, to: q.to, limit: q.limit });
    return c.json({ items: entries.map((e) => ({ id: e.id, table: e.tableName, rowKey: e.rowKey, action: e.action, ...describeAudit(e) })) });
  });

  return app;
}
