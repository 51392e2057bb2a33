import { unzipSync } from 'fflate';
import { ReadError } from '../document.ts';

/** Largest uncompressed part read from a DOCX; real document.xml files are a few MB. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** Largest sum of the uncompressed parts read from one archive. */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
// Deflate rarely compresses XML beyond this ratio; a larger one is a zip bomb.
const MAX_RATIO = 400;

/**
 * The names of an archive's entries, read without inflating anything: from its directory and
 * from the local headers at its start, so that a damaged or truncated archive still shows what
 * it was meant to be.
 */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    // The local headers below still tell.
  }
  return [...new Set([...names, ...localEntryNames(bytes)])];
}

/**
 * The names of the entries at the start of an archive whose directory is lost (a truncated
 * download), from their local headers: enough to tell what the archive was meant to be.
 */
function localEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50 && names.length < 1000) {
    const nameLength = view.getUint16(at + 26, true);
    const extra = view.getUint16(at + 28, true);
    names.push(new TextDecoder().decode(bytes.subarray(at + 30, Math.min(bytes.length, at + 30 + nameLength))));
    // With a data descriptor (flag bit 3) the size is not known here: stop at that entry.
    if (view.getUint16(at + 6, true) & 8) break;
    at += 30 + nameLength + extra + view.getUint32(at + 18, true);
  }
  return names;
}

/**
 * Reads some parts of a ZIP container, refusing archives whose declared sizes or compression
 * ratios betray a zip bomb before anything is inflated. `wanted` lists the parts or tells
 * them by name; `container` names the format in messages (DOCX, OFD).
 */
export function readZipParts(
  file: string,
  bytes: Uint8Array,
  wanted: readonly string[] | ((name: string) => boolean),
  container = 'DOCX',
): Map<string, Uint8Array> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf)
      throw new ReadError(file, '这是旧版 Word（.doc）文件，请另存为 .docx 后再读取', 'legacy .doc file, save it as .docx');
    throw new ReadError(file, `不是有效的 ${container} 文件（不是 ZIP 压缩包）`, `not a ${container} (not a ZIP archive)`);
  }
  const want = typeof wanted === 'function' ? wanted : (name: string) => wanted.includes(name);
  let bomb = '';
  let total = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        if (!want(f.name)) return false;
        total += f.originalSize;
        if (f.originalSize > MAX_PART_BYTES || (f.originalSize > 1024 * 1024 && f.originalSize > f.size * MAX_RATIO) || total > MAX_TOTAL_BYTES) {
          bomb ||= f.name;
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    throw new ReadError(file, `${container} 压缩包损坏或不完整（${(error as Error).message}）`, `corrupt or truncated ${container} archive`);
  }
  if (bomb) throw new ReadError(file, `压缩包中的 ${bomb} 解压后过大，疑似压缩炸弹，已拒绝读取`, 'zip bomb: part too large when inflated');
  return new Map(Object.entries(parts));
}
