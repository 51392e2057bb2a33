// Just enough of the OLE2 compound file format ([MS-CFB]) to tell what a legacy Office file is
// (its streams' names) and whether it is whole, before handing it to a converter.

/** The compound file signature D0 CF 11 E0 A1 B1 1A E1. */
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when bytes start with the compound file signature. */
export function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** A compound file that cannot be read: cut short, or its tables point nowhere. */
export class OleError extends Error {}

/** A stream of a compound file. */
export interface OleStream {
  name: string;
  size: number;
  /** The stream's first bytes (up to one sector), when it lives in regular sectors. */
  head?: Uint8Array;
}

const END = 0xfffffffe;
const FREE = 0xffffffff;
// A directory larger than this is not a document's (a loop or garbage).
const MAX_ENTRIES = 100_000;

/**
 * The streams of a compound file, checking that every sector chain they need lies inside the
 * file: a truncated download fails here rather than in the converter.
 */
export function oleStreams(bytes: Uint8Array): OleStream[] {
  if (!isOle(bytes) || bytes.length < 512) throw new OleError('文件头不完整');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new OleError('扇区大小无效');
  const size = 1 << shift;
  const sectors = Math.floor((bytes.length - size) / size);
  const at = (sector: number) => {
    if (sector >= sectors) throw new OleError('文件不完整（被截断），数据超出文件末尾');
    return (sector + 1) * size;
  };
  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatCount = view.getUint32(0x2c, true);
  if (fatCount > sectors + 1) throw new OleError('文件不完整（被截断），分配表超出文件末尾');
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(view.getUint32(0x4c + i * 4, true));
  let difat = view.getUint32(0x44, true);
  for (let guard = 0; fatSectors.length < fatCount && difat !== END && difat !== FREE; guard++) {
    if (guard > sectors) throw new OleError('分配表链循环');
    const base = at(difat);
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(view.getUint32(base + i * 4, true));
    difat = view.getUint32(base + size - 4, true);
  }
  const fat = new Uint32Array(fatSectors.length * (size / 4));
  fatSectors.forEach((s, k) => {
    const base = at(s);
    for (let i = 0; i < size / 4; i++) fat[k * (size / 4) + i] = view.getUint32(base + i * 4, true);
  });
  const chain = (start: number, minLength = 0): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END; s = fat[s] ?? END) {
      if (s === FREE || out.length > sectors) throw new OleError('扇区链损坏');
      at(s);
      out.push(s);
    }
    if (out.length < minLength) throw new OleError('文件不完整（被截断），数据流比声明的短');
    return out;
  };
  const cutoff = view.getUint32(0x38, true) || 4096;
  const streams: OleStream[] = [];
  const directory = chain(view.getUint32(0x30, true));
  for (const sector of directory) {
    for (let e = 0; e < size / 128; e++) {
      const base = at(sector) + e * 128;
      const type = bytes[base + 66];
      if (type !== 2 && type !== 5) continue;
      const nameLength = Math.min(64, view.getUint16(base + 64, true));
      const name = new TextDecoder('utf-16le').decode(bytes.subarray(base, base + Math.max(0, nameLength - 2)));
      const start = view.getUint32(base + 116, true);
      const length = view.getUint32(base + 120, true);
      const stream: OleStream = { name, size: length };
      // The root entry holds the mini stream; streams at or above the cutoff live in sectors.
      if ((type === 5 || length >= cutoff) && length > 0) {
        const sectorsOf = chain(start, Math.ceil(length / size));
        stream.head = bytes.subarray(at(sectorsOf[0] as number), at(sectorsOf[0] as number) + size);
      }
      streams.push(stream);
      if (streams.length > MAX_ENTRIES) throw new OleError('目录过大');
    }
  }
  if (!streams.some((s) => s.name === 'Root Entry')) throw new OleError('没有根目录');
  return streams;
}
