import { ReadError } from '../document.ts';

/** Signatures of binary formats users commonly drop by mistake, to name them in the error. */
const MAGIC: readonly [number[], string, string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF 文件', 'a PDF file'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP/DOCX 压缩文件', 'a ZIP/DOCX archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片', 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG 图片', 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF 图片', 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], '旧版 Office（.doc/.xls）文件', 'a legacy Office file'],
  [[0x1f, 0x8b], 'GZIP 压缩文件', 'a gzip archive'],
];

/** Names a known binary format from the first bytes, or undefined. */
export function sniffBinary(bytes: Uint8Array): { zh: string; en: string } | undefined {
  for (const [sig, zh, en] of MAGIC) {
    if (sig.every((b, i) => bytes[i] === b)) return { zh, en };
  }
  return undefined;
}

function hasBinaryControlBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) bad++;
  }
  return bad > n / 100;
}

/**
 * Decodes a text file: BOM, then strict UTF-8, then GB18030 (a superset of GBK/GB2312).
 * Refuses empty and binary content with a ReadError naming the file.
 */
export function decodeText(file: string, bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length === 0) throw new ReadError(file, '文件为空', 'empty file');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const known = sniffBinary(bytes);
  if (known) throw new ReadError(file, `内容是${known.zh}，不是文本`, `content is ${known.en}, not text`);
  if (hasBinaryControlBytes(bytes)) throw new ReadError(file, '内容是二进制数据，不是文本', 'binary content, not text');
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      // try the next encoding
    }
  }
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8 (lossy)' };
}
