import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { assertRead } from '../../register/index.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser, userInput } from '../accounts.ts';
import { id, readJson, readParam, type ServerEnv } from '../http.ts';
import { assertRole, assertSystemAdmin, USER_ROLES } from '../roles.ts';

/** Accounts, managed by 管理员 within their agencies: list, add, rename, change role, disable, reset a password. */
export function userRoutes(db: Database): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/', async (c) => {
    assertRole(c.get('user'), 'admin');
    const users = await listUsers(db, c.get('scope'));
    return c.json({ items: users.map((u) => ({ ...u, roleName: USER_ROLES[u.role] })) });
  });

  // A new account; without a password, a one-time password is generated and returned this once.
  app.post('/', async (c) => {
    const user = c.get('user');
    assertRole(user, 'admin');
    const input = await readJson(c, userInput);
    if (input.agencyId === null) {
      if (user.agencyId !== null) throw new AppError('forbidden', '机关管理员只能为本机关及下属机关添加用户');
    } else assertRead(c.get('actor'), input.agencyId);
    const created = await createUser(db, user.username, input);
    return c.json(
      { user: { ...created.user, roleName: USER_ROLES[created.user.role] }, ...(created.password ? { oneTimePassword: created.password } : {}) },
      201,
    );
  });

  // Another user within the administrator's agencies; never oneself (no self-demotion or lock-out).
  const managed = async (c: Context<ServerEnv>) => {
    const me = c.get('user');
    assertRole(me, 'admin');
    const target = await getUser(db, readParam(c, 'id', id));
    if (target.id === me.id) throw new AppError('forbidden', '不能修改自己的角色或状态，也不能重置自己的密码（请用修改密码）');
    if (target.agencyId === null) assertSystemAdmin(me);
    else assertRead(c.get('actor'), target.agencyId);
    return target;
  };

  app.patch('/:id', async (c) => {
    const target = await managed(c);
    const change = await readJson(
      c,
      z.object({
        displayName: z.string().trim().min(1).max(100).optional(),
        role: userInput.shape.role.optional(),
        disabled: z.boolean().optional(),
      }),
    );
    if (change.role && change.role !== 'admin' && target.agencyId === null) throw new AppError('invalid', `${USER_ROLES[change.role]}须属于一个机关`);
    const user = await updateUser(db, c.get('user').username, target.id, change);
    return c.json({ user: { ...user, roleName: USER_ROLES[user.role] } });
  });

  app.post('/:id/password-reset', async (c) => {
    const target = await managed(c);
    return c.json({ oneTimePassword: await resetPassword(db, c.get('user').username, target.id) });
  });

  return app;
}
