import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { closeSession, findUser, openSession, setPassword } from '../accounts.ts';
import { readJson, type ServerEnv } from '../http.ts';
import { verifyDecoy, verifyPassword } from '../passwords.ts';
import { FailureLimiter } from '../rate-limit.ts';
import { USER_ROLES } from '../roles.ts';
import { clearSessionCookies, isHttps, SESSION_COOKIE, setSessionCookies } from '../session.ts';

const loginInput = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});

export interface AuthOptions {
  trustProxy: boolean;
  /** Failed logins allowed per user name and per client address within `windowMs` (defaults 5 and 20 in 15 minutes). */
  maxPerUser?: number;
  maxPerClient?: number;
  windowMs?: number;
  /** The clock of the rate limiting (tests). */
  now?: () => number;
}

function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Login (public, rate-limited). */
export function loginRoutes(db: Database, options: AuthOptions): Hono<ServerEnv> {
  const windowMs = options.windowMs ?? 15 * 60_000;
  const perUser = new FailureLimiter(db, 'user', options.maxPerUser ?? 5, windowMs, options.now);
  const perClient = new FailureLimiter(db, 'client', options.maxPerClient ?? 20, windowMs, options.now);
  const app = new Hono<ServerEnv>();

  app.post('/login', async (c) => {
    const { username, password } = await readJson(c, loginInput);
    const client = clientAddress(c, options.trustProxy);
    const userKey = username.toLowerCase();
    const wait = Math.max(await perUser.retryAfter(userKey), await perClient.retryAfter(client));
    if (wait > 0) throw new AppError('too_many', `登录失败次数过多，请${Math.ceil(wait / 60)}分钟后再试`, { retryAfter: wait });
    const user = await findUser(db, username);
    const ok = user && !user.disabled ? await verifyPassword(password, user.passwordHash) : await verifyDecoy(password);
    if (!ok || !user) {
      await perUser.fail(userKey);
      await perClient.fail(client);
      throw new AppError('unauthenticated', '用户名或密码错误');
    }
    await perUser.clear(userKey);
    const { token, csrf } = await openSession(db, user.id);
    setSessionCookies(c, token, csrf, isHttps(c, options.trustProxy));
    const me = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, agencyId: user.agencyId };
    return c.json({ user: { ...me, mustChangePassword: user.mustChangePassword, roleName: USER_ROLES[user.role] }, csrfToken: csrf });
  });

  return app;
}

/** Logout, the signed-in user, and changing one's password (behind the session middleware). */
export function meRoutes(db: Database): Hono<ServerEnv> {
  const session = new Hono<ServerEnv>();
  session.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await closeSession(db, token);
    clearSessionCookies(c);
    return c.json({ ok: true });
  });
  session.get('/me', (c) => {
    const user = c.get('user');
    return c.json({ user: { ...user, roleName: USER_ROLES[user.role] }, agencies: c.get('scope'), csrfToken: c.get('csrf') });
  });
  session.post('/me/password', async (c) => {
    const input = await readJson(c, z.object({ current: z.string().max(200), password: z.string().min(10, '新密码至少10个字符').max(200) }));
    const user = c.get('user');
    const stored = await findUser(db, user.username);
    if (!stored || !(await verifyPassword(input.current, stored.passwordHash))) throw new AppError('unauthenticated', '当前密码不正确');
    if (input.current === input.password) throw new AppError('invalid', '新密码不能与当前密码相同');
    await setPassword(db, user.username, user.id, input.password, getCookie(c, SESSION_COOKIE));
    return c.json({ ok: true });
  });
  return session;
}
