import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Database } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { MAX_ATTACHMENT_BYTES } from '../register/index.ts';
import { ReviewRuntime, type ReviewRuntimeOptions } from '../review/index.ts';
import { errorResponse, type ServerEnv } from './http.ts';
import { agencyRoutes } from './routes/agencies.ts';
import { analyzeRoutes } from './routes/analyze.ts';
import { applicationRoutes } from './routes/applications.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { formatRoutes } from './routes/format.ts';
import { loginRoutes, meRoutes } from './routes/auth.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { feeRoutes } from './routes/fees.ts';
import { letterRoutes } from './routes/letters.ts';
import { rectificationRoutes } from './routes/rectification.ts';
import { registerRoutes } from './routes/registers.ts';
import { type ReportWorkspaceOptions, reportWorkspaceRoutes } from './routes/report-workspace.ts';
import { reviewIssueRoutes } from './routes/review-issues.ts';
import { reviewRoutes } from './routes/review.ts';
import { userRoutes } from './routes/users.ts';
import { vocabularyRoutes } from './routes/vocabulary.ts';
import { requireSession } from './session.ts';
import { findWebRoot, serveWeb } from './static.ts';

export interface AppOptions {
  db: Database;
  /** Behind an HTTPS reverse proxy: trust X-Forwarded-Proto (Secure cookies) and X-Forwarded-For (rate limiting). */
  trustProxy?: boolean;
  /** Largest JSON body (default 1 MiB). */
  maxBodyBytes?: number;
  /** Largest uploaded report (default 20 MiB). */
  maxUploadBytes?: number;
  /** Largest attachment of a case (default and at most 20 MiB). */
  maxAttachmentBytes?: number;
  /** Largest upload of files to a review batch (default 200 MiB: many reports, or a zip of them). */
  maxReviewUploadBytes?: number;
  /**
   * The reviewer console's background reader and queue: given by the server that owns it
   * (`startServer` stops it on close); else one is made and started here.
   */
  review?: ReviewRuntime;
  /** Options of the reviewer console's runtime when it is made here. */
  reviewOptions?: ReviewRuntimeOptions;
  /** The report exports (PDF time limit). */
  reports?: ReportWorkspaceOptions;
  /** Login rate limiting (defaults: 5 failures per user name, 20 per client address, in 15 minutes). */
  login?: { maxPerUser?: number; maxPerClient?: number; windowMs?: number; now?: () => number };
  /** The built workbench's folder (default: found beside the server; '' for none). */
  webRoot?: string;
  /** Where defects (500s) are written; never request bodies or passwords. */
  log?: (error: unknown) => void;
}

function limit(maxSize: number, what = '请求体'): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('too_large', `${what}超过上限（${Math.round(maxSize / 1024 / 1024)} MB）`, { maxBytes: maxSize });
    },
  });
}

// Attachments are posted as multipart form data: the file plus a little of the form's own.
const ATTACHMENT_PATH = /^\/api\/applications\/[^/]+\/attachments$/;
const FORM_OVERHEAD = 64 * 1024;
// Files of a review batch: many reports, or a zip of them, in one multipart body.
const REVIEW_UPLOAD_PATH = /^\/api\/review\/batches\/[^/]+\/files$/;

/** The web application: the JSON API under /api over the register and the readers. */
export function createApp(options: AppOptions): Hono<ServerEnv> {
  const { db } = options;
  const log = options.log ?? ((error: unknown) => console.error('[gongkai serve]', error));
  const app = new Hono<ServerEnv>();
  app.onError((error, c) => errorResponse(c, error, log));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `没有这个地址：${c.req.method} ${c.req.path}`, details: {} } }, 404));
  app.use('*', secureHeaders({ referrerPolicy: 'same-origin' }));

  const api = new Hono<ServerEnv>();
  api.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const maxUpload = options.maxUploadBytes ?? 20 * 1024 * 1024;
  const maxAttachment = Math.min(options.maxAttachmentBytes ?? MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES);
  const attachmentLimit = limit(maxAttachment + FORM_OVERHEAD, '附件');
  const reviewUploadLimit = limit(options.maxReviewUploadBytes ?? 200 * 1024 * 1024, '上传的文件');
  api.use('/analyze', limit(maxUpload));
  api.use('*', async (c, next) => {
    if (c.req.path === '/api/analyze') return next();
    if (c.req.method === 'POST' && ATTACHMENT_PATH.test(c.req.path)) return attachmentLimit(c, next);
    if (c.req.method === 'POST' && REVIEW_UPLOAD_PATH.test(c.req.path)) return reviewUploadLimit(c, next);
    return limit(maxBody)(c, next);
  });

  // Public: health and login. Everything registered after the session middleware needs a session.
  api.get('/health', (c) => c.json({ ok: true }));
  api.route('/', loginRoutes(db, { trustProxy: options.trustProxy ?? false, ...options.login }));
  api.use('*', requireSession(db, { trustProxy: options.trustProxy ?? false }));
  api.route('/', meRoutes(db));
  api.route('/', registerRoutes(db));
  api.route('/users', userRoutes(db));
  api.route('/agencies', agencyRoutes(db));
  api.route('/', letterRoutes(db));
  api.route('/', attachmentRoutes(db, { maxBytes: maxAttachment }));
  api.route('/applications', applicationRoutes(db));
  api.route('/dashboard', dashboardRoutes(db));
  api.route('/agencies', reportWorkspaceRoutes(db, options.reports));
  api.route('/fees', feeRoutes(db));
  const review = options.review ?? new ReviewRuntime(db, { log, ...options.reviewOptions }).start();
  api.route('/analyze', analyzeRoutes({ log, analyze: review.analyzing.analyze }));
  api.route('/review', reviewRoutes(db, review));
  api.route('/vocabulary', vocabularyRoutes());
  api.route('/format', formatRoutes());
  api.route('/review', reviewIssueRoutes(db));
  api.route('/rectification', rectificationRoutes(db));
  app.route('/api', api);

  serveWeb(app, options.webRoot === undefined ? findWebRoot() : options.webRoot || undefined);
  return app;
}
