import { Hono } from 'hono';
import { z } from 'zod';
import { runChecks } from '../../check/index.ts';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { cellSpecs, FORMAT_2021 } from '../../format/index.ts';
import {
  assertRead,
  createAgency,
  getProactive,
  getReportTexts,
  listAgencies,
  lockYear,
  reportFromRegister,
  setProactive,
  setReportText,
} from '../../register/index.ts';
import { reportJson } from '../../report/index.ts';
import { forgetSessions } from '../accounts.ts';
import { flag, id, readJson, readParam, readQuery, type ServerEnv, year } from '../http.ts';
import { assertRole } from '../roles.ts';

const TABLE_A_KEYS = cellSpecs(FORMAT_2021, 'a').map((s) => s.key);

/** Agencies and what belongs to an agency's year: table A figures, section texts, the report computed from the register, the lock. */
export function agencyRoutes(db: Database): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/', async (c) => c.json({ items: await listAgencies(db, c.get('actor')) }));

  app.post('/', async (c) => {
    const input = await readJson(c, z.object({ name: z.string().trim().min(1, '机关名称不能为空').max(200), parentId: id.nullable().optional() }));
    const user = c.get('user');
    assertRole(user, 'admin');
    // An agency's administrator adds departments below the agencies they administer, never a new top level.
    if (user.agencyId !== null) {
      if (input.parentId == null) throw new AppError('forbidden', '只能在本机关之下添加机关');
      assertRead(c.get('actor'), input.parentId);
    }
    const agency = await createAgency(db, c.get('actor'), { name: input.name, parentId: input.parentId ?? null });
    forgetSessions(); // sessions hold their user's agencies
    return c.json(agency, 201);
  });

  app.get('/:id/proactive/:year', async (c) =>
    c.json({ values: await getProactive(db, c.get('actor'), readParam(c, 'id', id), readParam(c, 'year', year)), keys: TABLE_A_KEYS }),
  );

  app.put('/:id/proactive/:year', async (c) => {
    const agency = readParam(c, 'id', id);
    const y = readParam(c, 'year', year);
    const { values } = await readJson(c, z.object({ values: z.record(z.string().max(60), z.number()) }));
    await setProactive(db, c.get('actor'), agency, y, values);
    return c.json({ values: await getProactive(db, c.get('actor'), agency, y) });
  });

  app.get('/:id/texts/:year', async (c) =>
    c.json({ sections: await getReportTexts(db, c.get('actor'), readParam(c, 'id', id), readParam(c, 'year', year)) }),
  );

  app.put('/:id/texts/:year/:section', async (c) => {
    const section = readParam(c, 'section', z.coerce.number().int().min(1, '章节应为1至6').max(6, '章节应为1至6'));
    const { text } = await readJson(c, z.object({ text: z.string().max(100_000, '正文不能超过10万字') }));
    await setReportText(db, c.get('actor'), readParam(c, 'id', id), readParam(c, 'year', year), section, text);
    return c.json({ ok: true });
  });

  // The year's report computed from the register, with every finding of the checks.
  app.get('/:id/report/:year', async (c) => {
    const { departments } = readQuery(c, z.object({ departments: flag }));
    const report = await reportFromRegister(db, c.get('actor'), readParam(c, 'id', id), readParam(c, 'year', year), { includeChildren: departments });
    return c.json(reportJson(report, runChecks(report)));
  });

  // Publishing locks the year: 审核人 and 管理员 only.
  app.post('/:id/lock/:year', async (c) => {
    assertRole(c.get('user'), 'approver', 'admin');
    await lockYear(db, c.get('actor'), readParam(c, 'id', id), readParam(c, 'year', year));
    return c.json({ ok: true, locked: true });
  });

  return app;
}
