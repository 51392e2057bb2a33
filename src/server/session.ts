import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Database } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { scopeOf, SESSION_HOURS, sessionOf, touchSession } from './accounts.ts';
import type { ServerEnv } from './http.ts';
import { actorOf } from './roles.ts';

export const SESSION_COOKIE = 'gk_session';
export const CSRF_COOKIE = 'gk_csrf';
/** The header a page echoes the CSRF token in (double submit: the cookie holds the same token). */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Where a user with a one-time password may go before changing it.
const FIRST_LOGIN_PATHS = new Set(['/api/me', '/api/me/password', '/api/logout']);

/** True when the request came over HTTPS (directly, or through a trusted proxy). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** Sets the session cookie (HttpOnly) and the CSRF cookie (readable by the page), both SameSite=Strict, Secure over HTTPS. */
export function setSessionCookies(c: Context, token: string, csrf: string, secure: boolean, maxAge = SESSION_HOURS * 3600): void {
  const common = { path: '/', sameSite: 'Strict', secure, maxAge } as const;
  setCookie(c, SESSION_COOKIE, token, { ...common, httpOnly: true });
  setCookie(c, CSRF_COOKIE, csrf, common);
}

/** Removes both cookies. */
export function clearSessionCookies(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, CSRF_COOKIE, { path: '/' });
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Requires a live session on every request it guards: the user, their register Actor and the
 * agencies they may work on go on the context. State-changing requests must echo the session's
 * CSRF token in the X-CSRF-Token header. A user still on a one-time password may only change it.
 * Each use slides the session's expiry forward (see SESSION_HOURS), and the cookies with it.
 */
export function requireSession(db: Database, options: { trustProxy?: boolean } = {}): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await sessionOf(db, token) : undefined;
    if (!session) throw new AppError('unauthenticated', '请先登录（会话不存在或已过期）');
    if (!SAFE_METHODS.has(c.req.method) && !sameToken(c.req.header(CSRF_HEADER) ?? '', session.csrf))
      throw new AppError('forbidden', '请求缺少有效的 CSRF 令牌（X-CSRF-Token），已拒绝；请刷新页面后重试');
    if (session.user.mustChangePassword && !FIRST_LOGIN_PATHS.has(c.req.path))
      throw new AppError('forbidden', '请先修改初始密码', { mustChangePassword: true });
    const left = await touchSession(db, token as string);
    if (left !== undefined) setSessionCookies(c, token as string, session.csrf, isHttps(c, options.trustProxy ?? false), left);
    const scope = await scopeOf(db, session.user);
    c.set('user', session.user);
    c.set('scope', scope);
    c.set('actor', actorOf(session.user, scope));
    c.set('csrf', session.csrf);
    await next();
  };
}
