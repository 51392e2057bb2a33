import type { Context } from 'hono';
import type { Database, Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { ServerEnv } from '../server/http.ts';
import type { SessionUser } from '../server/roles.ts';

/**
 * Who may use the reviewer console: 审阅人, and 管理员 of the whole system. A batch belongs to the
 * level (agency) of the reviewer who made it; a user sees the batches of agencies in their scope
 * (a district's reviewer never sees the city's), and a batch without an owner only with the
 * whole register in scope.
 */
export function assertReviewer(user: SessionUser): void {
  if (user.role === 'reviewer') return;
  if (user.role === 'admin' && user.agencyId === null) return;
  throw new AppError('forbidden', '只有审阅人可以使用审阅功能');
}

/** A batch's owner is in the scope (or the scope is everything). */
export function inScope(scope: readonly number[] | 'all', ownerAgencyId: number | null): boolean {
  if (scope === 'all') return true;
  return ownerAgencyId !== null && scope.includes(ownerAgencyId);
}

/** The batch, refused as not found (404) when it does not exist or is outside the user's scope. */
export async function batchInScope(
  db: Queryable,
  c: Context<ServerEnv>,
  batchId: number,
): Promise<{ id: number; owner_agency_id: number | null; name: string; year: number | null; archived_at: string | null }> {
  assertReviewer(c.get('user'));
  const row = (
    await db.query<{ id: number; owner_agency_id: number | null; name: string; year: number | null; archived_at: string | null }>(
      'select id, owner_agency_id, name, year, archived_at from review_batches where id = $1',
      [batchId],
    )
  ).rows[0];
  // Outside the scope is "not found": another level's reviews are not even confirmed to exist.
  if (!row || !inScope(c.get('scope'), row.owner_agency_id)) throw new AppError('not_found', `没有这个审阅批次：${batchId}`);
  return row;
}

/** The batch of a report (and the report's existence), with the same refusal. */
export async function reportInScope(db: Database, c: Context<ServerEnv>, reportId: number): Promise<{ batchId: number }> {
  assertReviewer(c.get('user'));
  const row = (await db.query<{ batch_id: number }>('select batch_id from review_reports where id = $1', [reportId])).rows[0];
  if (!row) throw new AppError('not_found', `没有这份报告：${reportId}`);
  await batchInScope(db, c, row.batch_id);
  return { batchId: row.batch_id };
}
