import { readFile, stat } from 'node:fs/promises';
import type { Report } from '../report/index.ts';
import { ReadError, type SourceDocument } from './document.ts';
import { zipEntryNames } from './docx/unzip.ts';
import { isOle } from './legacy/ole.ts';
import { locate } from './locate/locate.ts';
import { isJpeg, isPng } from './ocr/image-kind.ts';
import { sniffBinary } from './text/decode.ts';
import { readText } from './text/read-text.ts';

/** Largest input read at all; real reports are a few MB at most. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** Reads a file's bytes, turning the file system's refusals into ReadErrors naming the file. */
export async function readInput(file: string): Promise<Uint8Array> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReadError(file, '文件不存在', 'no such file');
    if (code === 'EACCES') throw new ReadError(file, '没有读取权限', 'permission denied');
    throw new ReadError(file, `无法读取（${code ?? '未知错误'}）`, `cannot read (${code ?? 'unknown error'})`);
  }
  if (info.isDirectory()) throw new ReadError(file, '这是一个目录，不是文件', 'is a directory');
  if (!info.isFile()) throw new ReadError(file, '不是普通文件', 'not a regular file');
  if (info.size > MAX_INPUT_BYTES) throw new ReadError(file, `文件过大（${Math.round(info.size / 1048576)} MB）`, 'file too large');
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new ReadError(file, `无法读取（${code}）`, `cannot read (${code})`);
  }
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|table|p\b)/i;

/** True when bytes look like an HTML page (by content; the name may lie). */
export function looksLikeHtml(file: string, bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).replace(/^\ufeff|^\xef\xbb\xbf/, '');
  return HTML_START.test(head) || (/\.s?html?$/i.test(file) && /<[a-z][^>]*>/i.test(head));
}

/**
 * Reads a container into a document, choosing the reader by content, not by name (PNG and JPEG
 * images are read by OCR). Each reader
 * is loaded when first needed: a text check need not pay for pdf.js or the HTML parser.
 */
export async function readDocument(file: string, bytes: Uint8Array): Promise<SourceDocument> {
  if (bytes.length === 0) throw new ReadError(file, '文件为空', 'empty file');
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
    return (await import('./pdf/read-pdf.ts')).readPdf(file, bytes);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const { isOfdPackage, readOfd } = await import('./ofd/read-ofd.ts');
    if (isOfdPackage(zipEntryNames(bytes))) return await readOfd(file, bytes);
    return (await import('./docx/read-docx.ts')).readDocx(file, bytes);
  }
  if (isOle(bytes)) return (await import('./legacy/read-legacy.ts')).readLegacy(file, bytes);
  if (isPng(bytes) || isJpeg(bytes)) return (await import('./ocr/read-scan.ts')).readImage(file, bytes);
  const binary = sniffBinary(bytes);
  if (binary) throw new ReadError(file, `内容是${binary.zh}，不是可读取的报告`, `content is ${binary.en}, not a readable report`);
  if (looksLikeHtml(file, bytes)) {
    const doc = (await import('./html/read-html.ts')).readHtml(file, bytes);
    // Tables published as images inside the page are read by OCR.
    if (doc.embeddedImages) await (await import('./ocr/read-scan.ts')).ocrEmbeddedImages(doc);
    return doc;
  }
  return readText(file, bytes);
}

/** True when nothing in a report shows it is an annual disclosure report. */
function unrecognised(report: Report): boolean {
  // A scan is recognised as such: its finding says why nothing could be read.
  if (report.messages.some((m) => m.rule === 'pdf-no-text')) return false;
  const noTables = Object.values(report.tables).every((t) => t.status === 'absent');
  return noTables && report.sections.length === 0 && report.meta.title === null;
}

/** Reads a report from bytes: container → document → report. Throws ReadError when unreadable. */
export async function readReportBytes(file: string, bytes: Uint8Array): Promise<Report> {
  const report = locate(await readDocument(file, bytes));
  if (unrecognised(report)) {
    throw new ReadError(file, '未识别为政府信息公开工作年度报告（没有标题、章节或表格）', 'not an annual disclosure report');
  }
  return report;
}

/** Reads a report from a file. Throws ReadError when it cannot be read. */
export async function readReport(file: string): Promise<Report> {
  return readReportBytes(file, await readInput(file));
}
