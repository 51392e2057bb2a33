import type { Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  text: 'text/plain',
  ofd: 'application/ofd',
  doc: 'application/msword',
  wps: 'application/vnd.ms-works',
};

/** A stored report's bytes, its file name and type (by what the bytes are, never by the name alone). */
export async function reportSource(
  db: Queryable,
  reportId: number,
): Promise<{ bytes: Uint8Array; fileName: string; kind: string | null; type: string; pdf: boolean }> {
  const row = (
    await db.query<{ sha256: string; file_name: string; kind: string | null }>('select sha256, file_name, kind from review_reports where id = $1', [
      reportId,
    ])
  ).rows[0];
  if (!row) throw new AppError('not_found', `没有这份报告：${reportId}`);
  const blob = (await db.query<{ content: Uint8Array }>('select content from crawl_blobs where sha256 = $1', [row.sha256])).rows[0];
  const bytes = blob ? new Uint8Array(blob.content) : undefined;
  if (!bytes) throw new AppError('not_found', `这份报告的原始文件已不在库中：${row.file_name}`);
  const pdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  const fileName = row.file_name.split('/').pop() || row.file_name;
  return { bytes, fileName, kind: row.kind, type: pdf ? TYPES.pdf! : (TYPES[row.kind ?? ''] ?? 'application/octet-stream'), pdf };
}
