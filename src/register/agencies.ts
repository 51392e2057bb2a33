import type { Database, Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { type Actor, assertAdmin } from './actor.ts';

export interface Agency {
  id: number;
  name: string;
  parentId: number | null;
}

/** Adds an agency (administrators only), under a parent (a department under its government) when given. */
export async function createAgency(db: Database, actor: Actor, input: { name: string; parentId?: number | null }): Promise<Agency> {
  assertAdmin(actor);
  const clean = input.name.trim();
  if (!clean) throw new AppError('invalid', '机关名称不能为空');
  return db.transaction(actor.userId, async (tx) => {
    const { rows } = await tx.query<Agency>('insert into agencies (name, parent_id) values ($1, $2) returning id, name, parent_id as "parentId"', [
      clean,
      input.parentId ?? null,
    ]);
    return rows[0] as Agency;
  });
}

/** An agency by name (or numeric id): how the edges resolve what a user typed. AppError `not_found` when there is none. */
export async function findAgency(db: Queryable, nameOrId: string | number): Promise<Agency> {
  const byId = typeof nameOrId === 'number' || /^\d+$/.test(nameOrId);
  const { rows } = await db.query<Agency>(`select id, name, parent_id as "parentId" from agencies where ${byId ? 'id = $1::int' : 'name = $1'}`, [
    String(nameOrId),
  ]);
  if (!rows[0]) throw new AppError('not_found', `没有机关「${nameOrId}」`, { agency: nameOrId });
  return rows[0];
}

/** The agencies the actor may see, parents before their departments, by name. */
export async function listAgencies(db: Queryable, actor: Actor): Promise<(Agency & { depth: number })[]> {
  const { rows } = await db.query<Agency & { depth: number }>(
    `with recursive t(id, name, "parentId", depth, path) as (
       select id, name, parent_id, 0, array[name] from agencies where parent_id is null
       union all select a.id, a.name, a.parent_id, t.depth + 1, t.path || a.name from agencies a join t on a.parent_id = t.id)
     select id, name, "parentId", depth from t order by path`,
  );
  return actor.agencyIds === 'all' ? rows : rows.filter((r) => (actor.agencyIds as readonly number[]).includes(r.id));
}

/** An agency and every agency below it (a government and its departments). */
export async function agencyTree(db: Queryable, id: number): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    'with recursive t(id) as (select $1::int union all select a.id from agencies a join t on a.parent_id = t.id) select id from t',
    [id],
  );
  return rows.map((r) => r.id);
}
