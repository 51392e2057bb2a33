import { AppError, type Database, type Queryable } from '../db/index.ts';

export interface Agency {
  id: number;
  name: string;
  parentId: number | null;
}

/** Adds an agency, under a parent (a department under its government) when given. */
export async function createAgency(db: Database, actor: string, name: string, parentName?: string): Promise<Agency> {
  const clean = name.trim();
  if (!clean) throw new AppError('invalid', '机关名称不能为空');
  return db.transaction(actor, async (tx) => {
    const parent = parentName ? await findAgency(tx, parentName) : undefined;
    const { rows } = await tx.query<Agency>('insert into agencies (name, parent_id) values ($1, $2) returning id, name, parent_id as "parentId"', [
      clean,
      parent?.id ?? null,
    ]);
    return rows[0] as Agency;
  });
}

/** An agency by name (or numeric id); AppError when there is none. */
export async function findAgency(db: Queryable, nameOrId: string | number): Promise<Agency> {
  const byId = typeof nameOrId === 'number' || /^\d+$/.test(nameOrId);
  const { rows } = await db.query<Agency>(`select id, name, parent_id as "parentId" from agencies where ${byId ? 'id = $1::int' : 'name = $1'}`, [
    String(nameOrId),
  ]);
  if (!rows[0]) throw new AppError('not_found', `没有机关「${nameOrId}」；请先用 gongkai agency add 添加`);
  return rows[0];
}

/** An agency and every agency below it (a government and its departments). */
export async function agencyTree(db: Queryable, id: number): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    'with recursive t(id) as (select $1::int union all select a.id from agencies a join t on a.parent_id = t.id) select id from t',
    [id],
  );
  return rows.map((r) => r.id);
}
