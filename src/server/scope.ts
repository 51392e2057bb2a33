import type { Context } from 'hono';
import type { Database } from '../db/index.ts';
import { agencyTree, assertRead, listAgencies } from '../register/index.ts';
import type { ServerEnv } from './http.ts';

/**
 * The agencies a request is about: one agency (with its departments when asked), or, without
 * one, every agency the user may read. Reading an agency outside the user's scope is refused
 * (403) by the register's own check.
 */
export async function agencyIdsOf(db: Database, c: Context<ServerEnv>, agency: number | undefined, departments: boolean): Promise<number[]> {
  const actor = c.get('actor');
  if (agency === undefined) return (await listAgencies(db, actor)).map((a) => a.id);
  assertRead(actor, agency);
  // The user's own agency with its departments is the scope the session already holds.
  const user = c.get('user');
  const scope = c.get('scope');
  if (departments && agency === user.agencyId && scope !== 'all') return [...scope];
  const ids = departments ? await agencyTree(db, agency) : [agency];
  assertRead(actor, ...ids);
  return ids;
}
