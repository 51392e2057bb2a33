import { AppError } from '../errors.ts';

/** What a user may do: an administrator everything; a clerk read and write their agencies' registers; a viewer read them. */
export type Role = 'admin' | 'clerk' | 'viewer';

export const ROLE_NAMES: Record<Role, string> = { admin: '管理员', clerk: '经办人员', viewer: '查阅人员' };

/**
 * Who is acting: recorded in the audit trail (`userId`) and checked by every register function
 * (`role`, and the agencies whose registers the user keeps).
 */
export interface Actor {
  userId: string;
  role: Role;
  /** The agencies the user works for, or 'all'. */
  agencyIds: readonly number[] | 'all';
}

/** An administrator of the whole register (the command line's user on their own database). */
export function adminActor(userId: string): Actor {
  return { userId, role: 'admin', agencyIds: 'all' };
}

function covers(actor: Actor, agencyId: number): boolean {
  return actor.agencyIds === 'all' || actor.agencyIds.includes(agencyId);
}

/** Refuses unless the actor may read the register of every agency given. */
export function assertRead(actor: Actor, ...agencyIds: number[]): void {
  for (const id of agencyIds) {
    if (!covers(actor, id)) throw new AppError('forbidden', `${actor.userId}无权查看该机关的台账`, { userId: actor.userId, agencyId: id });
  }
}

/** Refuses unless the actor may change the register of the agency. */
export function assertWrite(actor: Actor, agencyId: number): void {
  if (actor.role === 'viewer') throw new AppError('forbidden', `${actor.userId}是查阅人员，不能修改台账`, { userId: actor.userId, agencyId });
  if (!covers(actor, agencyId)) throw new AppError('forbidden', `${actor.userId}无权修改该机关的台账`, { userId: actor.userId, agencyId });
}

/** Refuses unless the actor is an administrator (agencies, the calendar, the whole audit trail). */
export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin')
    throw new AppError('forbidden', `只有管理员可以进行此操作（${actor.userId}是${ROLE_NAMES[actor.role]}）`, { userId: actor.userId });
}
