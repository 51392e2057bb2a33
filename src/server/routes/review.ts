import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import type { Report } from '../../report/index.ts';
import {
  addCorrection,
  aggregateBatch,
  assertReviewer,
  cellReports,
  compareStored,
  importCollected,
  renderView,
  VIEW_CSP,
  batchInScope,
  createBatch,
  expandUpload,
  getBatch,
  listBatches,
  listReports,
  reportDetail,
  reportInScope,
  reportSource,
  reportSummaries,
  type ReviewRuntime,
  storeFiles,
  type UploadEntry,
} from '../../review/index.ts';
import { download, id, readJson, readParam, readQuery, type ServerEnv, year } from '../http.ts';

const newBatch = z.object({
  name: z.string({ error: '请填写批次名称（name）' }).trim().min(1, '批次名称不能为空').max(200, '批次名称不能超过200字'),
  year: year.nullable().optional(),
});

const reportQuery = z.object({
  status: z.enum(['pending', 'read', 'unreadable'], { error: '状态应为 pending、read 或 unreadable' }).optional(),
  q: z.string().max(200, '搜索词过长').optional(),
  hasFindings: z.enum(['1', '0', 'true', 'false']).optional(),
});

const cellKey = z
  .string()
  .regex(/^[abc](\.[a-z_]+)+$/, '单元格键的格式有误（如 b.new.total）')
  .max(100);

const correction = z.object({
  key: cellKey,
  value: z.number({ error: '更正后的值（value）应为数字或 null' }).finite('更正后的值应为有限的数字').nullable(),
  reason: z.string({ error: '请填写更正理由（reason）' }).trim().min(1, '请填写更正理由').max(500, '更正理由不能超过500字'),
});

/** The files of a multipart upload (field `files`, or `file`), as entries. */
async function uploadedFiles(c: Context<ServerEnv>): Promise<UploadEntry[]> {
  if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? ''))
    throw new AppError('invalid', '请以 multipart/form-data 上传文件（字段 files）');
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid', '上传内容无法解析（multipart/form-data）');
  }
  const values = [form.files, form['files[]'], form.file].flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
  const files = values.filter((v): v is File => v instanceof File);
  if (files.length === 0) throw new AppError('invalid', '请在表单字段 files 中上传一个或多个文件（可以是 zip 压缩包）');
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** The reviewer console's API (`/api/review`): batches, uploads, reports read and checked, corrections, comparison, aggregation. */
export function reviewRoutes(db: Database, runtime: ReviewRuntime): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/batches', async (c) => {
    assertReviewer(c.get('user'));
    return c.json(await listBatches(db, c.get('scope')));
  });

  app.post('/batches', async (c) => {
    const user = c.get('user');
    assertReviewer(user);
    const input = await readJson(c, newBatch);
    const batchId = await db.transaction(user.username, (tx) =>
      createBatch(tx, { name: input.name, year: input.year ?? null, ownerAgencyId: user.agencyId, createdBy: user.username }),
    );
    return c.json(await getBatch(db, batchId), 201);
  });

  app.get('/batches/:id', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    return c.json(await getBatch(db, batch.id));
  });

  app.post('/batches/:id/files', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    if (batch.archived_at) throw new AppError('conflict', '该批次已归档，不能再上传文件');
    const { entries, skipped } = expandUpload(await uploadedFiles(c), runtime.uploadLimits);
    const stored = await storeFiles(db, c.get('user').username, batch.id, entries);
    runtime.reader.wake();
    return c.json({ added: await reportSummaries(db, stored.ids), skipped: [...skipped, ...stored.skipped] }, 201);
  });

  app.get('/batches/:id/reports', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    const q = readQuery(c, reportQuery);
    const hasFindings = q.hasFindings === undefined ? undefined : q.hasFindings === '1' || q.hasFindings === 'true';
    return c.json(await listReports(db, batch.id, { status: q.status, q: q.q?.trim() || undefined, hasFindings }));
  });

  app.get('/reports/:id', async (c) => {
    const reportId = readParam(c, 'id', id);
    await reportInScope(db, c, reportId);
    return c.json(await reportDetail(db, reportId, c.get('scope')));
  });

  // The uploaded bytes: a PDF shown inline (the console draws its pages), anything else downloaded.
  app.get('/reports/:id/source', async (c) => {
    const reportId = readParam(c, 'id', id);
    await reportInScope(db, c, reportId);
    const source = await reportSource(db, reportId);
    if (source.pdf) {
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(source.fileName)}`);
      c.header('X-Content-Type-Options', 'nosniff');
      return c.body(source.bytes as Uint8Array<ArrayBuffer>);
    }
    return download(c, source.bytes, source.fileName, source.type);
  });

  // The source as a safe page with cells marked, for an <iframe sandbox> (never a PDF: the console draws those).
  app.get('/reports/:id/view', async (c) => {
    const reportId = readParam(c, 'id', id);
    await reportInScope(db, c, reportId);
    const { keys } = readQuery(c, z.object({ keys: z.string().max(4000, '单元格键过多').optional() }));
    const source = await reportSource(db, reportId);
    if (source.pdf) throw new AppError('invalid', 'PDF 报告请直接查看原件（/source），在页面图像上标出单元格');
    const row = (await db.query<{ report: Report | null }>('select report from review_reports where id = $1', [reportId])).rows[0];
    const list = (keys ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .slice(0, 200);
    let html: string;
    try {
      // Reading the container (OCR of a scan, a large DOCX) runs on the read workers, under their limits.
      html = await renderView(source.fileName, source.bytes, row?.report ?? null, list, runtime.analyzing.document);
    } catch (error) {
      if (error instanceof AppError) throw error;
      runtime.log(error);
      throw new AppError('unreadable', `${source.fileName}：无法显示原文`);
    }
    c.header('Content-Security-Policy', VIEW_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'SAMEORIGIN');
    return c.html(html);
  });

  app.post('/reports/:id/corrections', async (c) => {
    const reportId = readParam(c, 'id', id);
    await reportInScope(db, c, reportId);
    const input = await readJson(c, correction);
    await addCorrection(db, c.get('user').username, reportId, input);
    return c.json(await reportDetail(db, reportId, c.get('scope')), 201);
  });

  app.get('/compare', async (c) => {
    const q = readQuery(c, z.object({ a: id, b: id }));
    await reportInScope(db, c, q.a);
    await reportInScope(db, c, q.b);
    return c.json(await compareStored(db, q.a, q.b));
  });

  app.get('/batches/:id/aggregate', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    const q = readQuery(
      c,
      z.object({
        by: z.literal('level', { error: '汇总方式（by）目前只支持 level' }).optional(),
        top: z.coerce.number().int('top 应为整数').min(1, 'top 至少为 1').max(10000, 'top 至多为 10000').optional(),
      }),
    );
    return c.json({ groups: await aggregateBatch(db, batch.id, q.top ?? 100) });
  });

  app.get('/batches/:id/cells/:key', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    const key = readParam(c, 'key', cellKey);
    return c.json(await cellReports(db, batch.id, key));
  });

  app.post('/batches/:id/import-collected', async (c) => {
    const batch = await batchInScope(db, c, readParam(c, 'id', id));
    if (batch.archived_at) throw new AppError('conflict', '该批次已归档，不能再添加报告');
    const input = await readJson(c, z.object({ year: year.optional() }));
    const { ids, already } = await importCollected(db, c.get('user').username, batch.id, input.year ?? batch.year ?? undefined);
    runtime.reader.wake();
    return c.json({ added: await reportSummaries(db, ids), already }, 201);
  });

  app.get('/queue', async (c) => {
    assertReviewer(c.get('user'));
    return c.json(await runtime.queue());
  });

  return app;
}
