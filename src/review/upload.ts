import { unzipSync } from 'fflate';
// The dispatcher's module alone: ingest/index.ts loads every reader (pdf.js) up front.
import { MAX_INPUT_BYTES } from '../ingest/read-report.ts';

/** A file to store: its cleaned name (folders of a zip kept) and its bytes. */
export interface UploadEntry {
  name: string;
  bytes: Uint8Array;
}

/** A file (or a zip's entry) not stored, and why (Chinese). */
export interface Skipped {
  name: string;
  reason: string;
}

/** What an upload may hold: entries of one zip, bytes in all (inflated), bytes of one file, compression ratio. */
export interface UploadLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxFileBytes: number;
  maxRatio: number;
}

export const UPLOAD_LIMITS: UploadLimits = {
  maxEntries: 5000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxFileBytes: MAX_INPUT_BYTES,
  // Reports (PDF, DOCX, HTML) rarely deflate beyond this; a larger ratio is a zip bomb.
  maxRatio: 200,
};

const MB = 1024 * 1024;

/** A name fit for a list and a file name: no control characters, no leading dots or slashes, at most 255 characters. */
export function cleanName(name: string, fallback = '上传的文件'): string {
  const clean = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\\/g, '/')
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '.')
    .join('/')
    .replace(/^[./]+/, '');
  if (clean === '') return fallback;
  // Keep the end (the file's own name and extension) when it must be shortened.
  return clean.length > 255 ? clean.slice(clean.length - 255) : clean;
}

/**
 * A zip entry's name as its author wrote it: archives made on Chinese Windows store names in
 * GBK without the UTF-8 flag, which fflate decodes as Latin-1.
 */
function entryName(raw: string): string {
  if (!/[\u0080-\u00ff]/.test(raw) || /[^\u0000-\u00ff]/.test(raw)) return raw;
  const bytes = Uint8Array.from(raw, (ch) => ch.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Why a zip entry's path is refused, or undefined when it is a plain relative path. */
function unsafePath(name: string): string | undefined {
  if (name.includes('\u0000')) return '名称含有空字符';
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return '使用了绝对路径';
  if (path.split('/').some((part) => part === '..')) return '路径含有「..」，指向压缩包以外';
  return undefined;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** True when a ZIP container is an archive of files, not a document (DOCX, OFD, XLSX are ZIPs too). */
export function isArchive(bytes: Uint8Array, names: readonly string[]): boolean {
  if (!isZip(bytes)) return false;
  return !names.some((n) => n === '[Content_Types].xml' || n.toLowerCase() === 'ofd.xml' || n === 'mimetype');
}

function expandZip(
  zipName: string,
  bytes: Uint8Array,
  limits: UploadLimits,
  budget: { bytes: number },
): { entries: UploadEntry[]; skipped: Skipped[] } {
  const entries: UploadEntry[] = [];
  const skipped: Skipped[] = [];
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
  } catch (error) {
    return { entries, skipped: [{ name: zipName, reason: `压缩包损坏或不完整（${(error as Error).message}）` }] };
  }
  const files = names.filter((n) => !n.endsWith('/'));
  if (files.length > limits.maxEntries) {
    return { entries, skipped: [{ name: zipName, reason: `压缩包含有 ${files.length} 个文件，超过上限 ${limits.maxEntries} 个，已拒绝` }] };
  }
  if (!isArchive(bytes, names)) return { entries: [{ name: zipName, bytes }], skipped };
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/')) return false;
        const name = `${zipName}/${entryName(f.name)}`;
        const unsafe = unsafePath(entryName(f.name));
        if (unsafe) {
          skipped.push({ name, reason: `${unsafe}，已拒绝` });
          return false;
        }
        // Mac archivers' resource forks and hidden files are no one's report.
        if (/(^|\/)(__MACOSX\/|\.[^./])/.test(f.name)) return false;
        if (/\.zip$/i.test(f.name)) {
          skipped.push({ name, reason: '压缩包中的压缩包不展开，请解压后单独上传' });
          return false;
        }
        if (f.originalSize > limits.maxFileBytes) {
          skipped.push({
            name,
            reason: `解压后 ${Math.round(f.originalSize / MB)} MB，超过单个文件上限 ${Math.round(limits.maxFileBytes / MB)} MB，已拒绝`,
          });
          return false;
        }
        if (f.originalSize > MB && f.originalSize > f.size * limits.maxRatio) {
          skipped.push({ name, reason: '压缩比异常（疑似压缩炸弹），已拒绝' });
          return false;
        }
        if (f.originalSize > budget.bytes) {
          skipped.push({ name, reason: `本次上传解压后的总大小超过上限 ${Math.round(limits.maxTotalBytes / MB)} MB，未展开` });
          return false;
        }
        budget.bytes -= f.originalSize;
        return true;
      },
    });
  } catch (error) {
    return { entries: [], skipped: [...skipped, { name: zipName, reason: `压缩包损坏或不完整（${(error as Error).message}）` }] };
  }
  for (const [raw, content] of Object.entries(inflated)) {
    const name = cleanName(`${zipName}/${entryName(raw)}`);
    // A nested archive by content, whatever its name says.
    if (isZip(content)) {
      const inner: string[] = [];
      try {
        unzipSync(content, { filter: (f) => (inner.push(f.name), false) });
      } catch {
        // not readable as an archive: stored as a file, the reader will say what it is
      }
      if (inner.length > 0 && isArchive(content, inner)) {
        skipped.push({ name, reason: '压缩包中的压缩包不展开，请解压后单独上传' });
        continue;
      }
    }
    if (content.length === 0) skipped.push({ name, reason: '文件为空' });
    else entries.push({ name, bytes: content });
  }
  return { entries, skipped };
}

/**
 * The files of an upload: each file as it is, a zip archive expanded (folders kept in the
 * names). Refused per entry, naming it: paths outside the archive, nested archives (not
 * expanded), entries or totals too large when inflated, archives of too many entries.
 */
export function expandUpload(files: readonly UploadEntry[], limits: UploadLimits = UPLOAD_LIMITS): { entries: UploadEntry[]; skipped: Skipped[] } {
  const entries: UploadEntry[] = [];
  const skipped: Skipped[] = [];
  const budget = { bytes: limits.maxTotalBytes };
  for (const file of files) {
    const name = cleanName(file.name);
    if (file.bytes.length === 0) skipped.push({ name, reason: '文件为空' });
    else if (file.bytes.length > limits.maxFileBytes) skipped.push({ name, reason: `文件过大（超过 ${Math.round(limits.maxFileBytes / MB)} MB）` });
    else if (isZip(file.bytes) && (/\.zip$/i.test(name) || !/\.(docx|ofd|xlsx|wps)$/i.test(name))) {
      const out = expandZip(name, file.bytes, limits, budget);
      entries.push(...out.entries);
      skipped.push(...out.skipped);
    } else {
      budget.bytes -= file.bytes.length;
      entries.push({ name, bytes: file.bytes });
    }
  }
  return { entries, skipped };
}
