import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { feeList } from '../../register/index.ts';
import { flag, id, readQuery, type ServerEnv, year } from '../http.ts';
import { agencyIdsOf } from '../scope.ts';

/** 信息处理费: the fee notices of the agencies in scope, with payments and lapses, and the totals. */
export function feeRoutes(db: Database): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.get('/', async (c) => {
    const q = readQuery(c, z.object({ agency: id.optional(), year: year.optional(), departments: flag }));
    const ids = await agencyIdsOf(db, c, q.agency, q.departments);
    return c.json(await feeList(db, c.get('actor'), ids, q.year));
  });
  return app;
}
