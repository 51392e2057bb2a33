import { ReadError } from '../document.ts';

const LABELS: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  big5: 'big5',
};

/** The charset a page declares in a <meta> tag within its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? (LABELS[(m[1] as string).toLowerCase()] ?? (m[1] as string).toLowerCase()) : undefined;
}

/**
 * Decodes an HTML page: BOM first; then strict UTF-8 (valid UTF-8 with Chinese text is never
 * GBK by chance, and pages do declare the wrong charset); then the <meta> charset; then
 * GB18030 (GBK pages without any declaration are common).
 */
export function decodeHtml(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ReadError(file, '文件为空', 'empty file');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: the declaration, else GB18030
  }
  const declared = declaredCharset(bytes);
  if (declared && declared !== 'utf-8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // an unknown label
    }
  }
  return new TextDecoder('gb18030').decode(bytes);
}
