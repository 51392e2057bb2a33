import { Hono } from 'hono';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { assertRead } from '../../register/index.ts';
import { createUser, listUsers, userInput } from '../accounts.ts';
import { readJson, type ServerEnv } from '../http.ts';
import { assertRole, USER_ROLES } from '../roles.ts';

/** Accounts, managed by 管理员 within their agencies. */
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

  return app;
}
