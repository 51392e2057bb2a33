import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError, httpStatusOf } from '../errors.ts';
import type { Actor } from '../register/index.ts';
import type { SessionUser } from './roles.ts';

// zod's own messages (a wrong type, a missing field) in Chinese, like the register's.
z.config(z.locales.zhCN());

/** What the session middleware puts on a request. */
export interface ServerEnv {
  Variables: { user: SessionUser; actor: Actor; scope: readonly number[] | 'all'; csrf: string };
}

/** A zod failure as the one application error, naming each field. */
export function invalidInput(error: z.ZodError, what = '请求'): AppError {
  const problems = error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  const text = problems.map((p) => (p.field ? `${p.field}：${p.message}` : p.message)).join('；');
  return new AppError('invalid', `${what}有误：${text}`, { problems });
}

/** The request's JSON body checked against a schema; bad JSON, a wrong content type or wrong fields are `invalid`. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  // Requiring JSON also keeps cross-site HTML forms out: they cannot send this type.
  if (!/^application\/json\b/i.test(type)) throw new AppError('invalid', '请求体应为 JSON（Content-Type: application/json）');
  let data: unknown;
  try {
    data = JSON.parse(await c.req.text());
  } catch {
    throw new AppError('invalid', '请求体不是有效的 JSON');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw invalidInput(parsed.error, '请求内容');
  return parsed.data;
}

/** The query string checked against a schema. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw invalidInput(parsed.error, '查询参数');
  return parsed.data;
}

/** A path parameter checked against a schema. */
export function readParam<S extends z.ZodType>(c: Context, name: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.param(name));
  if (!parsed.success) throw invalidInput(parsed.error, `路径参数 ${name} `);
  return parsed.data;
}

/** A database id (PostgreSQL int: larger numbers would be the database's error, not the user's). */
export const id = z.coerce.number().int('编号应为整数').positive('编号应为正整数').max(2_147_483_647, '编号过大');
/** A report year. */
export const year = z.coerce.number().int('年度应为整数').min(2008, '年度应在2008年之后').max(2100, '年度不合理');
/** A calendar day, checked as a real date. */
export const day = z.iso.date('日期应为 YYYY-MM-DD 格式的有效日期');
/** A query-string switch: 1/true/yes. */
export const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

interface DatabaseFailure {
  code?: unknown;
  message?: unknown;
}

/**
 * Any error as the one application error, or undefined for a defect: the database's data and
 * constraint errors (SQLSTATE classes 22 and 23: a date out of range, a duplicate) are the
 * input's fault, not the server's.
 */
export function asAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('too_large', '请求体过大');
    if (error.status < 500) return new AppError('invalid', '请求有误');
  }
  const code = (error as DatabaseFailure | null)?.code;
  if (typeof code === 'string' && /^22/.test(code)) return new AppError('invalid', '数据格式有误（日期、数字或文本超出范围）');
  if (typeof code === 'string' && /^23/.test(code)) return new AppError('conflict', '数据与已有记录冲突');
  return undefined;
}

/** The one place an error becomes an HTTP response: its code's status and `{ error: { code, message, details } }`. */
export function errorResponse(c: Context, error: unknown, log: (error: unknown) => void): Response {
  const app = asAppError(error);
  if (app) {
    if (app.code === 'too_many' && typeof app.details.retryAfter === 'number') c.header('Retry-After', String(app.details.retryAfter));
    // A body refused unread leaves the rest of it on the connection: the client must not reuse it.
    if (app.code === 'too_large') c.header('Connection', 'close');
    return c.json({ error: app.toJSON() }, httpStatusOf(app) as ContentfulStatusCode);
  }
  log(error);
  return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试或联系管理员', details: {} } }, 500);
}

/**
 * A file download: the bytes with their type and `Content-Disposition: attachment`, the name
 * both as RFC 5987 UTF-8 (`filename*`, what browsers use) and as an ASCII fallback for old
 * clients. Never rendered by the browser: nosniff and a sandboxing policy go with it.
 */
export function download(c: Context, bytes: Uint8Array | string, fileName: string, type: string): Response {
  const extension = /\.[a-z0-9]{1,5}$/i.exec(fileName)?.[0] ?? '';
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9._() -]/g, '_')
    .trim();
  const fallback = /[a-z0-9]/i.test(ascii.slice(0, ascii.length - extension.length)) ? ascii : `download${extension}`;
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRFC5987(fileName)}`);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Security-Policy', "default-src 'none'; sandbox");
  const body = typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>);
  return c.body(body);
}

function encodeRFC5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
