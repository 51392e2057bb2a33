import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import {
  type Actor,
  addEvent,
  type ApplicationRow,
  applicationDetail,
  applicationInput,
  auditTrail,
  createApplication,
  describeAudit,
  EVENT_KINDS,
  eventInput,
  findAgency,
  mask,
  outcomeLabel,
  quoteFee,
  searchApplications,
  STATE_NAMES,
} from '../../register/index.ts';
import { day, flag, id, readJson, readParam, readQuery, type ServerEnv, year } from '../http.ts';
import { APPROVAL_EVENTS, assertRole } from '../roles.ts';
import { agencyIdsOf } from '../scope.ts';

const listQuery = z.object({
  agency: id.optional(),
  departments: flag,
  q: z.string().max(200).optional(),
  year: year.optional(),
  open: flag,
  state: z.enum(Object.keys(STATE_NAMES) as [string, ...string[]]).optional(),
  kind: z.string().max(40).optional(),
  outcome: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

// The register's schema, with dates checked as real days at the boundary.
const createInput = applicationInput.extend({ submittedOn: day, confirmedOn: day.optional() });

/** An application as the API shows it: with the Chinese names of its state and outcome; personal data masked for readers who only review. */
function shown(row: ApplicationRow, actor: Actor): Record<string, unknown> {
  const personal =
    actor.role === 'viewer'
      ? { applicantName: mask(row.applicantName), applicantContact: row.applicantContact ? mask(row.applicantContact) : '' }
      : {};
  return { ...row, ...personal, stateName: STATE_NAMES[row.state], outcomeLabel: row.outcome ? outcomeLabel(row.outcome) : null };
}

async function detail(db: Database, actor: Actor, applicationId: number): Promise<Record<string, unknown>> {
  const d = await applicationDetail(db, actor, applicationId);
  return {
    application: shown(d.application, actor),
    events: d.events.map((e) => ({ ...e, name: e.kind === 'received' ? '收到申请' : EVENT_KINDS[e.kind] })),
    deadline: d.deadline,
  };
}

/** Applications: search and filter, detail with timeline and explained deadline, create, lifecycle events, audit, fees. */
export function applicationRoutes(db: Database): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/', async (c) => {
    const q = readQuery(c, listQuery);
    const ids = await agencyIdsOf(db, c, q.agency, q.departments);
    const actor = c.get('actor');
    const { total, totalExact, items } = await searchApplications(db, actor, ids, {
      q: q.q,
      year: q.year,
      open: q.open,
      state: q.state as never,
      applicantKind: q.kind,
      outcome: q.outcome,
      limit: q.limit,
      offset: q.offset,
    });
    return c.json({ total, totalExact, limit: q.limit, offset: q.offset, items: items.map((r) => shown(r, actor)) });
  });

  app.post('/', async (c) => {
    const input = await readJson(c, createInput);
    await findAgency(db, input.agencyId);
    const row = await createApplication(db, c.get('actor'), input);
    return c.json(await detail(db, c.get('actor'), row.id), 201);
  });

  app.get('/:id', async (c) => c.json(await detail(db, c.get('actor'), readParam(c, 'id', id))));

  app.post('/:id/events', async (c) => {
    const applicationId = readParam(c, 'id', id);
    const raw = await readJson(c, z.object({ kind: z.string(), onDate: day, data: z.record(z.string(), z.unknown()).optional() }).loose());
    const user = c.get('user');
    if (APPROVAL_EVENTS.includes(raw.kind)) assertRole(user, 'approver', 'admin');
    // An extension is approved by whoever records it, unless another approver is named.
    const data = raw.kind === 'extension' ? { approver: user.displayName, ...raw.data } : raw.data;
    const parsed = eventInput.safeParse({ ...raw, data });
    if (!parsed.success)
      throw new AppError('invalid', parsed.error.issues.map((i) => i.message).join('；'), {
        problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      });
    await addEvent(db, c.get('actor'), applicationId, parsed.data);
    return c.json(await detail(db, c.get('actor'), applicationId), 201);
  });

  app.get('/:id/audit', async (c) => {
    const entries = await auditTrail(db, c.get('actor'), { applicationId: readParam(c, 'id', id), limit: 500 });
    return c.json({ items: entries.map((e) => ({ id: e.id, table: e.tableName, action: e.action, ...describeAudit(e) })) });
  });

  app.get('/:id/fee', async (c) => {
    const q = readQuery(
      c,
      z.object({
        method: z.enum(['by_count', 'by_pages', '按件', '按量'], { error: '计费方式应为：按件、按量' }),
        pages: z.coerce.number().int().min(0).max(1_000_000).optional(),
      }),
    );
    const method = q.method === 'by_pages' || q.method === '按量' ? 'by_pages' : 'by_count';
    if (method === 'by_pages' && q.pages === undefined) throw new AppError('invalid', '按量计费须写明页数（pages）');
    return c.json(await quoteFee(db, c.get('actor'), readParam(c, 'id', id), method, q.pages ?? 0));
  });

  return app;
}
