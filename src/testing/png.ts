import { unzlibSync } from 'fflate';

/** A grayscale image: width, height and one byte per pixel. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit grayscale or RGB non-interlaced PNG (what pdftoppm writes) to gray. */
export function decodeGrayPng(bytes: Uint8Array): GrayImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const idat: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = new TextDecoder('latin1').decode(bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      if (data[8] !== 8 || (data[9] !== 0 && data[9] !== 2) || data[12] !== 0)
        throw new Error('decodeGrayPng: only 8-bit grayscale or RGB non-interlaced PNG is supported');
      channels = data[9] === 2 ? 3 : 1;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of idat) {
    joined.set(d, at);
    at += d.length;
  }
  const raw = unzlibSync(joined);
  const stride = width * channels;
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= channels ? (data[y * stride + x - channels] as number) : 0;
      const b = y > 0 ? (data[(y - 1) * stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (data[(y - 1) * stride + x - channels] as number) : 0;
      const predicted = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : 0;
      data[y * stride + x] = (v + predicted) & 0xff;
    }
  }
  if (channels === 1) return { width, height, pixels: data };
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++)
    pixels[i] = Math.round(((data[i * 3] as number) + (data[i * 3 + 1] as number) + (data[i * 3 + 2] as number)) / 3);
  return { width, height, pixels };
}

/**
 * Share of pixels (0 to 1) whose gray levels differ by more than a threshold: ink moved, added
 * or lost. 1 when the sizes differ.
 */
export function changedShare(a: GrayImage, b: GrayImage, threshold = 96): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  for (let i = 0; i < a.pixels.length; i++) if (Math.abs((a.pixels[i] as number) - (b.pixels[i] as number)) > threshold) changed++;
  return changed / a.pixels.length;
}

/** Mean absolute difference of two same-sized images, 0 (same) to 255. */
export function imageDifference(a: GrayImage, b: GrayImage): number {
  if (a.width !== b.width || a.height !== b.height) return 255;
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) sum += Math.abs((a.pixels[i] as number) - (b.pixels[i] as number));
  return sum / a.pixels.length;
}
