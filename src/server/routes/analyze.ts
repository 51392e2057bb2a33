import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { type Analyzer, analyze as analyzeHere, ReadWorkersClosed } from '../../pipeline/index.ts';
import { reportJson } from '../../report/index.ts';
import { readQuery, type ServerEnv } from '../http.ts';

export interface AnalyzeOptions {
  /** Files read at once; more wait for none: they are refused as busy (503). */
  concurrency?: number;
  log?: (error: unknown) => void;
  /** How a file is read: on the server's worker threads (default: in this thread). */
  analyze?: Analyzer;
}

// A name is for messages only: no folders, no control characters, bounded.
function cleanName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
  return clean || '上传的报告';
}

/**
 * A published report read and checked: the file as multipart form data (field `file`) or as the
 * raw body (`?name=` for messages). The reader is chosen by content; an unreadable file is
 * `unreadable` (422) with the reason, in Chinese and English.
 */
export function analyzeRoutes(options: AnalyzeOptions = {}): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const concurrency = options.concurrency ?? 2;
  const analyze = options.analyze ?? analyzeHere;
  let running = 0;

  app.post('/', async (c) => {
    let bytes: Uint8Array;
    let name: string;
    const type = c.req.header('content-type') ?? '';
    if (/^multipart\/form-data/i.test(type)) {
      let form: Record<string, unknown>;
      try {
        form = await c.req.parseBody();
      } catch {
        throw new AppError('invalid', '上传内容无法解析（multipart/form-data）');
      }
      const file = form.file;
      if (!(file instanceof File)) throw new AppError('invalid', '请在表单字段 file 中上传报告文件');
      bytes = new Uint8Array(await file.arrayBuffer());
      name = cleanName(file.name);
    } else {
      bytes = new Uint8Array(await c.req.arrayBuffer());
      name = cleanName(readQuery(c, z.object({ name: z.string().max(1000).optional() })).name);
    }
    if (bytes.length === 0) throw new AppError('invalid', '上传的文件为空');
    if (running >= concurrency) throw new AppError('unavailable', '正在分析的文件较多，请稍后再试');
    running++;
    try {
      const { report, findings } = await analyze(bytes, name);
      return c.json(reportJson(report, findings ?? []));
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof ReadWorkersClosed) throw new AppError('unavailable', '服务器正在停止，请稍后再试');
      // A defect met while reading a hostile file is that file's problem for the user, and a bug for us.
      options.log?.(error);
      throw new AppError('unreadable', `${name}：读取时出现内部错误`, { file: name });
    } finally {
      running--;
    }
  });

  return app;
}
