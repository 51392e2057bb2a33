import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { findProgram, runProgram } from '../legacy/convert.ts';
import { isJpeg, isPng } from './image-kind.ts';

/** A colour image: three bytes (R, G, B) per pixel, rows top to bottom, and its resolution. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
  /** Dots per inch: page points are pixels × 72 / dpi. */
  dpi: number;
}

/** Largest image decoded (pixels): an A3 page at 400 dpi is 31 million. */
export const MAX_PIXELS = 40_000_000;
// Resolution assumed for an image that does not state one: an A4 page scanned at 150–300 dpi
// is taken at the resolution that makes it A4 wide.
const A4_WIDTH_INCHES = 8.27;

/** Why an image could not be decoded (turned into a ReadError by the caller). */
export class ImageError extends Error {}

function toRgb(width: number, height: number, rgba: Uint8Array, dpi: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < width * height; i++, j += 4) {
    // Transparent pixels are paper.
    const a = (rgba[j + 3] as number) / 255;
    data[i * 3] = Math.round((rgba[j] as number) * a + 255 * (1 - a));
    data[i * 3 + 1] = Math.round((rgba[j + 1] as number) * a + 255 * (1 - a));
    data[i * 3 + 2] = Math.round((rgba[j + 2] as number) * a + 255 * (1 - a));
  }
  return { width, height, data, dpi };
}

function pngDpi(bytes: Uint8Array): number | undefined {
  // pHYs: pixels per metre.
  for (let at = 8; at + 12 <= bytes.length;) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + at);
    const length = view.getUint32(0);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'pHYs' && bytes[at + 16] === 1) return Math.round((view.getUint32(8) * 0.0254) as number);
    if (type === 'IDAT' || type === 'IEND') return undefined;
    at += 12 + length;
  }
  return undefined;
}

function jpegDpi(bytes: Uint8Array): number | undefined {
  // JFIF APP0: units 1 = dots per inch.
  if (bytes[6] === 0x4a && bytes[7] === 0x46 && bytes[8] === 0x49 && bytes[9] === 0x46 && bytes[13] === 1)
    return ((bytes[14] as number) << 8) | (bytes[15] as number);
  return undefined;
}

const plausibleDpi = (dpi: number | undefined, width: number) =>
  dpi !== undefined && dpi >= 72 && dpi <= 1200 ? dpi : Math.max(72, Math.round(width / A4_WIDTH_INCHES));

/** Decodes a PNG or JPEG file. Throws ImageError on what it cannot decode. */
export function decodeImage(bytes: Uint8Array): RgbImage {
  try {
    if (isPng(bytes)) {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (png.width * png.height > MAX_PIXELS) throw new ImageError(`image too large (${png.width}×${png.height})`);
      return toRgb(png.width, png.height, png.data, plausibleDpi(pngDpi(bytes), png.width));
    }
    if (isJpeg(bytes)) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 1024 });
      return toRgb(img.width, img.height, img.data, plausibleDpi(jpegDpi(bytes), img.width));
    }
  } catch (error) {
    if (error instanceof ImageError) throw error;
    throw new ImageError(error instanceof Error ? error.message : String(error));
  }
  throw new ImageError('not a PNG or JPEG image');
}

/** Parses a binary PPM (P6) or PGM (P5) with 8-bit samples, as pdftoppm writes them. */
export function parsePnm(bytes: Uint8Array, dpi: number): RgbImage {
  const header: string[] = [];
  let at = 0;
  while (header.length < 4 && at < bytes.length) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at] as number))) at++;
    if (bytes[at] === 0x23) {
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
      continue;
    }
    let token = '';
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at] as number))) token += String.fromCharCode(bytes[at++] as number);
    header.push(token);
  }
  at++;
  const [magic, w, h, max] = header;
  const width = Number(w);
  const height = Number(h);
  if ((magic !== 'P6' && magic !== 'P5') || Number(max) !== 255 || !(width > 0 && height > 0)) throw new ImageError('unexpected PNM header');
  const pixels = bytes.subarray(at);
  if (magic === 'P6') return { width, height, data: pixels.slice(0, width * height * 3), dpi };
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data[i * 3] = data[i * 3 + 1] = data[i * 3 + 2] = pixels[i] as number;
  return { width, height, data, dpi };
}

/** Resolution PDF pages are rasterised at for OCR. */
export const RASTER_DPI = 200;
const RASTER_TIMEOUT_MS = 60_000;

/**
 * Rasterises PDF pages (1-based) with poppler's pdftoppm at RASTER_DPI in colour (the red of a
 * seal is dropped by its colour). Returns undefined when pdftoppm is not installed.
 */
export async function rasterisePdf(bytes: Uint8Array, pages: readonly number[], dpi = RASTER_DPI): Promise<Map<number, RgbImage> | undefined> {
  const program = findProgram('pdftoppm');
  if (!program) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-ocr-'));
  try {
    await writeFile(join(dir, 'in.pdf'), bytes);
    const out = new Map<number, RgbImage>();
    for (const page of pages) {
      const args = ['-r', String(dpi), '-f', String(page), '-l', String(page), join(dir, 'in.pdf'), join(dir, `p${page}`)];
      const result = await runProgram(program, args, RASTER_TIMEOUT_MS, process.env);
      if (result.timedOut) throw new ImageError(`pdftoppm took longer than ${RASTER_TIMEOUT_MS / 1000} s`);
      const name = (await readdir(dir)).find((f) => f.startsWith(`p${page}-`) && f.endsWith('.ppm'));
      if (!name) throw new ImageError(`pdftoppm gave no image of page ${page}: ${result.stderr.trim().slice(0, 200)}`);
      out.set(page, parsePnm(new Uint8Array(await readFile(join(dir, name))), dpi));
      await rm(join(dir, name));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
