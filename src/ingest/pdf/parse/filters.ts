import { constants, inflateSync } from 'node:zlib';
import { PdfDict, PdfName, type PdfObject, PdfSyntaxError } from './objects.ts';

/** Largest decoded stream accepted: a content stream of a report is a few hundred KB. */
export const MAX_DECODED = 64 * 1024 * 1024;

function inflate(data: Uint8Array): Uint8Array {
  try {
    return inflateSync(data, { maxOutputLength: MAX_DECODED });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new PdfSyntaxError('stream too large');
    // Truncated or slightly damaged streams: keep what inflates (as viewers do).
    try {
      return inflateSync(data, { maxOutputLength: MAX_DECODED, finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      try {
        return inflateSync(data, { maxOutputLength: MAX_DECODED, finishFlush: constants.Z_SYNC_FLUSH, windowBits: 15, info: false });
      } catch {
        throw new PdfSyntaxError('corrupt Flate stream');
      }
    }
  }
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out.push((high << 4) | v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return Uint8Array.from(out);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  const group: number[] = [];
  const flush = (n: number) => {
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const g of group) v = v * 85 + g;
    const bytes = [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    out.push(...bytes.slice(0, n));
    group.length = 0;
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i] as number;
    if (c === 0x7e) break;
    if (c === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (c < 33 || c > 117) continue;
    group.push(c - 33);
    if (group.length === 5) flush(4);
  }
  if (group.length > 1) flush(group.length - 1);
  return Uint8Array.from(out);
}

function lzw(data: Uint8Array, early: number): Uint8Array {
  const out: number[] = [];
  let table: number[][] = [];
  const reset = () => {
    table = [];
    for (let i = 0; i < 256; i++) table.push([i]);
    table.push([], []);
  };
  reset();
  let bits = 9;
  let buffer = 0;
  let count = 0;
  let prev: number[] | undefined;
  for (const byte of data) {
    buffer = (buffer << 8) | byte;
    count += 8;
    while (count >= bits) {
      const code = (buffer >>> (count - bits)) & ((1 << bits) - 1);
      count -= bits;
      buffer &= (1 << count) - 1;
      if (code === 256) {
        reset();
        bits = 9;
        prev = undefined;
        continue;
      }
      if (code === 257) return Uint8Array.from(out);
      let entry = table[code];
      if (!entry) {
        if (!prev || code !== table.length) throw new PdfSyntaxError('corrupt LZW stream');
        entry = [...prev, prev[0] as number];
      }
      out.push(...entry);
      if (out.length > MAX_DECODED) throw new PdfSyntaxError('stream too large');
      if (prev) table.push([...prev, entry[0] as number]);
      prev = entry;
      if (table.length + early >= 1 << bits && bits < 12) bits++;
    }
  }
  return Uint8Array.from(out);
}

function runLength(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < data.length;) {
    const n = data[i++] as number;
    if (n === 128) break;
    if (n < 128) {
      for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++] as number);
    } else {
      const v = data[i++] ?? 0;
      for (let k = 0; k < 257 - n; k++) out.push(v);
    }
  }
  return Uint8Array.from(out);
}

/** Undoes PNG (and TIFF 2) predictors of Flate/LZW streams (xref streams use them). */
function unpredict(data: Uint8Array, params: PdfDict | undefined): Uint8Array {
  const predictor = numberOf(params?.get('Predictor'), 1);
  if (predictor <= 1) return data;
  const colors = numberOf(params?.get('Colors'), 1);
  const bpc = numberOf(params?.get('BitsPerComponent'), 8);
  const columns = numberOf(params?.get('Columns'), 1);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLength = Math.ceil((columns * colors * bpc) / 8);
  if (!(rowLength > 0) || rowLength > data.length) throw new PdfSyntaxError('bad predictor parameters');
  if (predictor === 2) {
    const out = data.slice();
    for (let r = 0; r < out.length; r += rowLength)
      for (let i = r + bpp; i < r + rowLength && i < out.length; i++) out[i] = ((out[i] as number) + (out[i - bpp] as number)) & 255;
    return out;
  }
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  let prior = new Uint8Array(rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)] as number;
    const row = data.subarray(r * (rowLength + 1) + 1, (r + 1) * (rowLength + 1));
    const cur = out.subarray(r * rowLength, (r + 1) * rowLength);
    for (let i = 0; i < rowLength; i++) {
      const a = i >= bpp ? (cur[i - bpp] as number) : 0;
      const b = prior[i] as number;
      const c = i >= bpp ? (prior[i - bpp] as number) : 0;
      const x = row[i] as number;
      let v: number;
      if (type === 1) v = x + a;
      else if (type === 2) v = x + b;
      else if (type === 3) v = x + ((a + b) >> 1);
      else if (type === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      } else v = x;
      cur[i] = v & 255;
    }
    prior = cur;
  }
  return out;
}

function numberOf(o: PdfObject | undefined, fallback: number): number {
  return typeof o === 'number' ? o : fallback;
}

/** Image codecs: their data is not text and is never decoded. */
const IMAGE_FILTERS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode']);

/**
 * Decodes stream data through its /Filter chain. Returns undefined for image codecs, which
 * the reader never needs.
 */
export function decodeStream(raw: Uint8Array, dict: PdfDict): Uint8Array | undefined {
  const filter = dict.get('Filter') ?? dict.get('F');
  const filters = Array.isArray(filter) ? filter : filter ? [filter] : [];
  const params = dict.get('DecodeParms') ?? dict.get('DP');
  let data = raw;
  filters.forEach((f, i) => {
    if (!(f instanceof PdfName)) throw new PdfSyntaxError('bad filter');
    const p = Array.isArray(params) ? params[i] : params;
    const pd = p instanceof PdfDict ? p : undefined;
    switch (f.name) {
      case 'FlateDecode':
      case 'Fl':
        data = unpredict(inflate(data), pd);
        break;
      case 'LZWDecode':
      case 'LZW':
        data = unpredict(lzw(data, numberOf(pd?.get('EarlyChange'), 1)), pd);
        break;
      case 'ASCIIHexDecode':
      case 'AHx':
        data = asciiHex(data);
        break;
      case 'ASCII85Decode':
      case 'A85':
        data = ascii85(data);
        break;
      case 'RunLengthDecode':
      case 'RL':
        data = runLength(data);
        break;
      case 'Crypt':
        break;
      default:
        if (IMAGE_FILTERS.has(f.name)) data = IMAGE;
        else throw new PdfSyntaxError(`unsupported filter ${f.name}`);
    }
  });
  return data === IMAGE ? undefined : data;
}

const IMAGE = new Uint8Array(0);
