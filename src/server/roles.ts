import { AppError } from '../errors.ts';
import type { Actor } from '../register/index.ts';

/** The roles of the web application. */
export type UserRole = 'clerk' | 'approver' | 'admin' | 'reviewer';

/** Their names as agency staff know them. */
export const USER_ROLES: Record<UserRole, string> = { clerk: '录入员', approver: '审核人', admin: '管理员', reviewer: '审阅人' };

/** A role by its Chinese or English name, or undefined. */
export function parseRole(name: string): UserRole | undefined {
  const found = Object.entries(USER_ROLES).find(([key, label]) => name === key || name === label);
  return found?.[0] as UserRole | undefined;
}

/** A signed-in user as the server knows them. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  /** null: the whole register. */
  agencyId: number | null;
  mustChangePassword: boolean;
}

/**
 * The register's Actor for a user: the user's agency and every agency below it (`scope`, or
 * 'all' without an agency). 管理员 are the register's administrators within that scope; 录入员
 * and 审核人 keep its registers; 审阅人 read them.
 */
export function actorOf(user: SessionUser, scope: readonly number[] | 'all'): Actor {
  const role = user.role === 'admin' ? 'admin' : user.role === 'reviewer' ? 'viewer' : 'clerk';
  return { userId: user.username, role, agencyIds: scope };
}

/** Refuses unless the user has one of the roles (审核人 approve extensions and answers; 管理员 manage users). */
export function assertRole(user: SessionUser, ...roles: UserRole[]): void {
  if (!roles.includes(user.role))
    throw new AppError(
      'forbidden',
      `只有${roles.map((r) => USER_ROLES[r]).join('或')}可以进行此操作（${user.displayName}是${USER_ROLES[user.role]}）`,
      {
        role: user.role,
      },
    );
}

/** Refuses unless the user administers the whole register (no agency of their own). */
export function assertSystemAdmin(user: SessionUser): void {
  if (user.role !== 'admin' || user.agencyId !== null) throw new AppError('forbidden', '只有系统管理员可以进行此操作');
}

/** Application events only a 审核人 (or 管理员) may record: they need the office head's approval. */
export const APPROVAL_EVENTS: readonly string[] = ['extension', 'answered'];
