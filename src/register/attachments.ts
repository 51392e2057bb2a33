import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { type Actor, assertRead, assertWrite } from './actor.ts';
import { getApplication } from './applications.ts';

/** A document in a case file as lists show it. */
export interface AttachmentItem {
  id: number;
  applicationId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  note: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** The largest attachment (20 MiB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const columns = (t: string) => `${t}id, ${t}application_id as "applicationId", ${t}file_name as "fileName", ${t}media_type as "mediaType", ${t}size,
  ${t}sha256, ${t}note, ${t}uploaded_by as "uploadedBy", to_char(${t}uploaded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "uploadedAt"`;
const ITEM = columns('');

/**
 * The media type of a file from its first bytes: PDF, PNG and JPEG are recognised by their
 * magic numbers; anything else is application/octet-stream. What a client claims is never
 * believed, so an uploaded HTML or SVG page is never served as something a browser renders.
 */
export function sniffMediaType(bytes: Uint8Array): string {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return 'application/octet-stream';
}

/**
 * A file name safe to store and to offer for download: the last part of any path, without
 * control characters (C0, C1), bidirectional overrides (which disguise 「exe.pdf」 as
 * 「fdp.exe」) or characters Windows refuses, without leading dots, at most 200 characters.
 */
export function cleanFileName(name: string | undefined, fallback = '附件'): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = Array.from(
    base
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/[:*?"<>|]/g, '_')
      .trim()
      .replace(/^\.+/, ''),
  )
    .slice(0, 200)
    .join('')
    .trim();
  return clean || fallback;
}

/** Adds a document to a case file (any step, any year: a case file may grow after the year is published). */
export async function addAttachment(
  db: Database,
  actor: Actor,
  applicationId: number,
  file: { fileName: string | undefined; bytes: Uint8Array; note?: string },
  maxBytes = MAX_ATTACHMENT_BYTES,
): Promise<AttachmentItem> {
  const application = await getApplication(db, actor, applicationId);
  assertWrite(actor, application.agencyId);
  if (file.bytes.length === 0) throw new AppError('invalid', '上传的文件为空');
  const max = Math.min(maxBytes, MAX_ATTACHMENT_BYTES);
  if (file.bytes.length > max)
    throw new AppError(
      'too_large',
      `附件不能超过${Math.round((max / 1024 / 1024) * 100) / 100} MB（该文件 ${(file.bytes.length / 1024 / 1024).toFixed(2)} MB）`,
      {
        maxBytes: max,
      },
    );
  const note = (file.note ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (note.length > 2000) throw new AppError('invalid', '附件说明不能超过2000字');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return db.transaction(actor.userId, async (tx) => {
    const { rows } = await tx.query<AttachmentItem>(
      `insert into attachments (application_id, file_name, media_type, size, sha256, content, note, uploaded_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${ITEM}`,
      [
        applicationId,
        cleanFileName(file.fileName),
        sniffMediaType(file.bytes),
        file.bytes.length,
        sha256,
        Buffer.from(file.bytes),
        note,
        actor.userId,
      ],
    );
    return rows[0] as AttachmentItem;
  });
}

/** The documents of a case file, newest first. */
export async function listAttachments(db: Queryable, actor: Actor, applicationId: number): Promise<AttachmentItem[]> {
  await getApplication(db, actor, applicationId);
  const { rows } = await db.query<AttachmentItem>(`select ${ITEM} from attachments where application_id = $1 order by id desc`, [applicationId]);
  return rows;
}

/** One document's bytes, if the actor may read its case. */
export async function attachmentFile(db: Queryable, actor: Actor, attachmentId: number): Promise<AttachmentItem & { content: Uint8Array }> {
  const { rows } = await db.query<AttachmentItem & { content: Uint8Array; agencyId: number }>(
    `select ${columns('t.')}, t.content, a.agency_id as "agencyId"
     from attachments t join applications a on a.id = t.application_id where t.id = $1`,
    [attachmentId],
  );
  const row = rows[0];
  if (!row) throw new AppError('not_found', `没有编号为 ${attachmentId} 的附件`);
  const { agencyId, ...rest } = row;
  assertRead(actor, agencyId);
  return { ...rest, content: new Uint8Array(row.content) };
}
