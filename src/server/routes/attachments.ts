import { Hono } from 'hono';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { addAttachment, attachmentFile, listAttachments } from '../../register/index.ts';
import { download, id, readParam, type ServerEnv } from '../http.ts';

/** Documents of a case file: list, upload (multipart field `file`, optional `note`), download (never rendered inline). */
export function attachmentRoutes(db: Database, options: { maxBytes?: number } = {}): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  app.get('/applications/:id/attachments', async (c) => c.json({ items: await listAttachments(db, c.get('actor'), readParam(c, 'id', id)) }));

  app.post('/applications/:id/attachments', async (c) => {
    const applicationId = readParam(c, 'id', id);
    if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? ''))
      throw new AppError('invalid', '请以 multipart/form-data 上传附件（字段 file）');
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('invalid', '上传内容无法解析（multipart/form-data）');
    }
    const file = form.file;
    if (!(file instanceof File)) throw new AppError('invalid', '请在表单字段 file 中上传附件');
    const note = typeof form.note === 'string' ? form.note : '';
    const item = await addAttachment(
      db,
      c.get('actor'),
      applicationId,
      { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), note },
      options.maxBytes,
    );
    return c.json(item, 201);
  });

  // The stored type is what the bytes are (PDF, PNG, JPEG), never what the uploader said.
  app.get('/attachments/:id', async (c) => {
    const file = await attachmentFile(db, c.get('actor'), readParam(c, 'id', id));
    return download(c, file.content, file.fileName, file.mediaType);
  });

  return app;
}
