import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Database, Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { type SessionUser, type UserRole, USER_ROLES } from './roles.ts';

const USER_COLUMNS = `id, username, display_name as "displayName", role, agency_id as "agencyId", must_change_password as "mustChangePassword"`;

/** A new account as an administrator enters it. */
export const userInput = z.object({
  username: z
    .string({ error: '用户名应为字符串' })
    .trim()
    .min(1, '用户名不能为空')
    .max(64, '用户名不能超过64个字符')
    .regex(/^[\p{L}\p{N}._-]+$/u, '用户名只能包含文字、数字和 . _ -'),
  displayName: z.string({ error: '姓名应为字符串' }).trim().min(1, '姓名不能为空').max(100).optional(),
  role: z.enum(Object.keys(USER_ROLES) as [UserRole, ...UserRole[]], { error: `角色应为：${Object.values(USER_ROLES).join('、')}` }),
  agencyId: z.number({ error: '机关应为编号' }).int().positive().nullable(),
  password: z.string({ error: '密码应为字符串' }).min(10, '密码至少10个字符').max(200).optional(),
});
export type UserInput = z.input<typeof userInput>;

/** A stored user with the hash needed to check a login. */
export interface StoredUser extends SessionUser {
  passwordHash: string;
  disabled: boolean;
}

/**
 * Creates a user; without a password, one is generated and returned once (to be shown once and
 * changed at first login). `by` is the user (or command-line actor) recorded in the audit trail.
 */
export async function createUser(db: Database, by: string, input: UserInput): Promise<{ user: SessionUser; password?: string }> {
  const parsed = userInput.safeParse(input);
  if (!parsed.success) throw new AppError('invalid', parsed.error.issues.map((i) => i.message).join('；'), { problems: parsed.error.issues });
  const u = parsed.data;
  if (u.role !== 'admin' && u.agencyId === null) throw new AppError('invalid', `${USER_ROLES[u.role]}须属于一个机关`);
  const generated = u.password === undefined ? generatePassword() : undefined;
  const hash = await hashPassword(u.password ?? (generated as string));
  try {
    const user = await db.transaction(by, async (tx) => {
      const { rows } = await tx.query<SessionUser>(
        `insert into users (username, display_name, role, agency_id, password_hash, must_change_password) values ($1, $2, $3, $4, $5, $6) returning ${USER_COLUMNS}`,
        [u.username, u.displayName ?? u.username, u.role, u.agencyId, hash, generated !== undefined],
      );
      return rows[0] as SessionUser;
    });
    return generated ? { user, password: generated } : { user };
  } catch (error) {
    if (/users_username_key/.test(String(error))) throw new AppError('conflict', `已有用户名「${u.username}」`);
    if (/users_agency_id_fkey/.test(String(error))) throw new AppError('not_found', `没有编号为 ${u.agencyId} 的机关`);
    throw error;
  }
}

/** A user by user name, with the password hash, or undefined. */
export async function findUser(db: Queryable, username: string): Promise<StoredUser | undefined> {
  const { rows } = await db.query<StoredUser>(`select ${USER_COLUMNS}, password_hash as "passwordHash", disabled from users where username = $1`, [
    username,
  ]);
  return rows[0];
}

/** The users of some agencies (all users when 'all'), by user name, with whether each is disabled. */
export async function listUsers(db: Queryable, scope: readonly number[] | 'all'): Promise<(SessionUser & { disabled: boolean })[]> {
  const { rows } = await db.query<SessionUser & { disabled: boolean }>(
    `select ${USER_COLUMNS}, disabled from users where $1::int[] is null or agency_id = any($1::int[]) order by username`,
    [scope === 'all' ? null : scope],
  );
  return rows;
}

/** How many users there are (0 before the first administrator). */
export async function countUsers(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from users');
  return rows[0]?.n ?? 0;
}

/** Sets a user's password (it is no longer a one-time password); ends the user's other sessions. */
export async function setPassword(db: Database, by: string, userId: number, password: string, keepSession?: string): Promise<void> {
  if (password.length < 10) throw new AppError('invalid', '密码至少10个字符');
  if (password.length > 200) throw new AppError('invalid', '密码不能超过200个字符');
  const hash = await hashPassword(password);
  await db.transaction(by, async (tx) => {
    await tx.query('update users set password_hash = $2, must_change_password = false where id = $1', [userId, hash]);
    await tx.query('delete from sessions where user_id = $1 and token_hash <> $2', [userId, keepSession ? tokenHash(keepSession) : '']);
  });
  forgetSessions();
}

/**
 * Session lifetimes: a session lasts SESSION_HOURS after it was last used (idle timeout: each
 * use slides the expiry forward, at most once a minute), but never longer than
 * SESSION_MAX_HOURS after the login (absolute timeout): a stolen cookie is not good forever,
 * and a day's work is never interrupted.
 */
export const SESSION_HOURS = 12;
export const SESSION_MAX_HOURS = 24;
// Expiry refreshed only when it would move by more than this, so reading pages does not write on every request.
const SLIDE_STEP = "interval '1 minute'";
const SLID_EXPIRY = `least(now() + interval '${SESSION_HOURS} hours', created_at + interval '${SESSION_MAX_HOURS} hours')`;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session: a random token for the cookie and a CSRF token for the page. */
export async function openSession(db: Queryable, userId: number): Promise<{ token: string; csrf: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  await db.query(
    `insert into sessions (token_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + interval '${SESSION_HOURS} hours')`,
    [tokenHash(token), userId, csrf],
  );
  // Expired sessions go when new ones come.
  await db.query('delete from sessions where expires_at < now()');
  return { token, csrf };
}

type RequestSession = { user: SessionUser; csrf: string; left: number | undefined; scope: readonly number[] | 'all' };

/**
 * How long a looked-up session is reused by this process. A page load makes many requests and
 * the lookup is a third of a list request's cost on PGlite; every change to users, sessions or
 * agencies made through this process forgets them at once (`forgetSessions`), so only another
 * process sharing a PostgreSQL server (or a CLI change) is seen up to this late.
 */
export const SESSION_CACHE_MS = 5000;
const SESSION_CACHE_MAX = 10_000;
const sessionCache = new Map<string, { at: number; session: RequestSession }>();

/** Forgets every session this process has looked up (after a logout, a password change, a user or agency change). */
export function forgetSessions(): void {
  sessionCache.clear();
}

/** `requestSession`, reusing this process's lookup of the same token for SESSION_CACHE_MS. */
export async function cachedRequestSession(db: Queryable, token: string): Promise<RequestSession | undefined> {
  const key = tokenHash(token);
  const hit = sessionCache.get(key);
  if (hit && Date.now() - hit.at < SESSION_CACHE_MS) return { ...hit.session, left: undefined };
  const session = await requestSession(db, token);
  if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
  if (session) sessionCache.set(key, { at: Date.now(), session });
  else sessionCache.delete(key);
  return session;
}

/**
 * Everything a request needs from its session in one statement (a page load makes many
 * requests; on PGlite every statement costs milliseconds): the live session's user and CSRF
 * token, the expiry slid forward (idle timeout, at most once a minute, never past the absolute
 * maximum; `left`: the seconds it now has, when it moved), and the user's scope (the agency and
 * every agency below it; 'all' without one).
 */
export async function requestSession(db: Queryable, token: string): Promise<RequestSession | undefined> {
  const { rows } = await db.query<SessionUser & { csrf: string; left: number | null; scope: number[] | null }>(
    `with live as (
       select s.token_hash, s.csrf_token, u.id, u.username, u.display_name, u.role, u.agency_id, u.must_change_password
       from sessions s join users u on u.id = s.user_id
       where s.token_hash = $1 and s.expires_at > now() and s.created_at + interval '${SESSION_MAX_HOURS} hours' > now() and not u.disabled),
     touched as (
       update sessions set expires_at = ${SLID_EXPIRY}
       where token_hash = (select token_hash from live) and expires_at < ${SLID_EXPIRY} - ${SLIDE_STEP}
       returning extract(epoch from expires_at - now())::float8 as seconds_left)
     select l.id, l.username, l.display_name as "displayName", l.role, l.agency_id as "agencyId", l.must_change_password as "mustChangePassword",
       l.csrf_token as csrf, (select seconds_left from touched) as "left",
       case when l.agency_id is null then null else array(
         with recursive t(id) as (select l.agency_id union all select a.id from agencies a join t on a.parent_id = t.id) select id from t) end as scope
     from live l`,
    [tokenHash(token)],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { csrf, left, scope, ...user } = row;
  return { user, csrf, left: left === null ? undefined : Math.max(1, Math.floor(left)), scope: scope ?? 'all' };
}

/** Ends a session. */
export async function closeSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [tokenHash(token)]);
  forgetSessions();
}

/**
 * The first administrator, when there is no user yet: user name `admin`, a one-time password
 * returned to be printed once. Undefined when users exist.
 */
export async function ensureFirstAdmin(db: Database): Promise<{ username: string; password: string } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const { user, password } = await createUser(db, 'system', { username: 'admin', displayName: '系统管理员', role: 'admin', agencyId: null });
  return { username: user.username, password: password as string };
}

/** A user by id, or `not_found`. */
export async function getUser(db: Queryable, id: number): Promise<SessionUser & { disabled: boolean }> {
  const { rows } = await db.query<SessionUser & { disabled: boolean }>(`select ${USER_COLUMNS}, disabled from users where id = $1`, [id]);
  if (!rows[0]) throw new AppError('not_found', `没有编号为 ${id} 的用户`);
  return rows[0];
}

/** Changes a user's name, role or whether they may sign in; disabling ends their sessions. */
export async function updateUser(
  db: Database,
  by: string,
  id: number,
  change: { displayName?: string; role?: UserRole; disabled?: boolean },
): Promise<SessionUser & { disabled: boolean }> {
  await db.transaction(by, async (tx) => {
    await tx.query(
      'update users set display_name = coalesce($2, display_name), role = coalesce($3, role), disabled = coalesce($4, disabled) where id = $1',
      [id, change.displayName ?? null, change.role ?? null, change.disabled ?? null],
    );
    if (change.disabled) await tx.query('delete from sessions where user_id = $1', [id]);
  });
  forgetSessions();
  return getUser(db, id);
}

/** A new one-time password for a user (shown once, to be changed at the next login); their sessions end. */
export async function resetPassword(db: Database, by: string, id: number): Promise<string> {
  const password = generatePassword();
  const hash = await hashPassword(password);
  await db.transaction(by, async (tx) => {
    await tx.query('update users set password_hash = $2, must_change_password = true where id = $1', [id, hash]);
    await tx.query('delete from sessions where user_id = $1', [id]);
  });
  forgetSessions();
  return password;
}
