import type { Segment } from '../pdf/parse/index.ts';
import type { RgbImage } from './raster.ts';

/** A grayscale page, one byte per pixel (0 black, 255 paper). */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
  dpi: number;
}

/**
 * Gray levels with the seal taken out: a pixel clearly redder than it is green and blue (the
 * red of an official seal) counts by its red channel, in which the seal is paper and black text
 * under it stays dark.
 */
export function dropRed(img: RgbImage): GrayImage {
  const pixels = new Uint8Array(img.width * img.height);
  for (let i = 0, j = 0; i < pixels.length; i++, j += 3) {
    const r = img.data[j] as number;
    const g = img.data[j + 1] as number;
    const b = img.data[j + 2] as number;
    const gray = (r * 3 + g * 6 + b) / 10;
    // Red ink: red well above both other channels; its red channel is what the paper under it
    // shows (a seal's red is light in red, black text under it dark, and a stroke's edge the
    // JPEG tinted red keeps its darkness instead of turning to paper).
    pixels[i] = r - Math.max(g, b) > 50 ? Math.min(255, Math.round(r * 1.15)) : Math.round(gray);
  }
  return { width: img.width, height: img.height, pixels, dpi: img.dpi };
}

/** Otsu's threshold: the gray level that best splits ink from paper. */
export function otsu(img: GrayImage): number {
  const hist = new Array<number>(256).fill(0);
  for (const p of img.pixels) hist[p] = (hist[p] as number) + 1;
  const total = img.pixels.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (hist[i] as number);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] as number;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] as number);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  // A page of paper only: no split to find.
  return Math.min(threshold, 200);
}

/** Ink mask: 1 where a pixel is darker than the threshold. */
export function inkMask(img: GrayImage, threshold = otsu(img)): Uint8Array {
  const mask = new Uint8Array(img.pixels.length);
  for (let i = 0; i < mask.length; i++) mask[i] = (img.pixels[i] as number) <= threshold ? 1 : 0;
  return mask;
}

/** Largest skew corrected, degrees. */
export const MAX_SKEW = 3;

/**
 * The page's skew in degrees (positive: the text runs down to the right), found as the angle at
 * which the ink's rows are sharpest: projected onto that angle, rulings and text lines pile
 * into few rows (sum of squared row counts).
 */
export function estimateSkew(img: GrayImage, mask: Uint8Array): number {
  const points: number[] = [];
  // A sample of ink pixels is enough and keeps this fast on a 300 dpi page.
  const step = Math.max(1, Math.round(img.dpi / 100));
  for (let y = 0; y < img.height; y += step) for (let x = 0; x < img.width; x += step) if (mask[y * img.width + x]) points.push(x, y);
  if (points.length < 200) return 0;
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    const bins = new Map<number, number>();
    for (let i = 0; i < points.length; i += 2) {
      const row = Math.round(((points[i + 1] as number) - (points[i] as number) * t) / step);
      bins.set(row, (bins.get(row) ?? 0) + 1);
    }
    let s = 0;
    for (const n of bins.values()) s += n * n;
    return s;
  };
  let best = 0;
  let bestScore = -1;
  for (let deg = -MAX_SKEW; deg <= MAX_SKEW + 1e-9; deg += 0.2) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  const coarse = best;
  for (let deg = coarse - 0.2; deg <= coarse + 0.2 + 1e-9; deg += 0.025) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  return Math.round(best * 1000) / 1000;
}

/** The page turned by −skew about its centre (bilinear; what falls outside is paper). */
export function rotate(img: GrayImage, skewDeg: number): GrayImage {
  if (skewDeg === 0) return img;
  const a = (skewDeg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const { width, height } = img;
  const cx = width / 2;
  const cy = height / 2;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Source of the deskewed pixel: turn it forward by the skew.
      const dx = x - cx;
      const dy = y - cy;
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        out[y * width + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const p = img.pixels;
      const i = y0 * width + x0;
      const top = (p[i] as number) * (1 - fx) + (p[i + 1] as number) * fx;
      const bottom = (p[i + width] as number) * (1 - fx) + (p[i + width + 1] as number) * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, pixels: out, dpi: img.dpi };
}

// Thickest ruling, pixels (a 1.5 pt border at 300 dpi, blurred by JPEG).
const MAX_THICKNESS = 6;

/** Longest gap (pixels) bridged inside one ruling: noise and JPEG break thin lines. */
const GAP = 2;

/**
 * Runs of ink along rows (horizontal) or columns (vertical) at least `minLength` long, a
 * neighbouring row or column counting too (a line a pixel off straight stays one run).
 */
function runs(mask: Uint8Array, width: number, height: number, horizontal: boolean, minLength: number): { at: number; from: number; to: number }[] {
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const ink = (line: number, pos: number) => (horizontal ? mask[line * width + pos] : mask[pos * width + line]) === 1;
  const out: { at: number; from: number; to: number }[] = [];
  for (let line = 1; line < lines - 1; line++) {
    let start = -1;
    let gap = 0;
    for (let pos = 0; pos <= length; pos++) {
      const on = pos < length && (ink(line, pos) || (ink(line - 1, pos) && ink(line + 1, pos)));
      if (on) {
        if (start < 0) start = pos;
        gap = 0;
      } else if (start >= 0 && ++gap > GAP) {
        const end = pos - gap;
        if (end - start + 1 >= minLength) out.push({ at: line, from: start, to: end });
        start = -1;
        gap = 0;
      }
    }
  }
  return out;
}

/**
 * Joins runs on neighbouring rows (a ruling is a few pixels thick) into one ruling at their
 * middle, in page points.
 */
function rulings(found: { at: number; from: number; to: number }[], horizontal: boolean, scale: number): Segment[] {
  found.sort((a, b) => a.at - b.at || a.from - b.from);
  const groups: { first: number; last: number; from: number; to: number }[] = [];
  for (const r of found) {
    const g = groups.find((g) => r.at - g.last <= 1 && r.from <= g.to && r.to >= g.from);
    if (g) {
      g.last = r.at;
      g.from = Math.min(g.from, r.from);
      g.to = Math.max(g.to, r.to);
    } else groups.push({ first: r.at, last: r.at, from: r.from, to: r.to });
  }
  return (
    groups
      // A ruling is thin: a thick bar of ink (a filled block, a bold stroke run together) is not.
      .filter((g) => g.last - g.first <= MAX_THICKNESS)
      .map((g) => {
        const at = ((g.first + g.last) / 2 + 0.5) * scale;
        const from = g.from * scale;
        const to = (g.to + 1) * scale;
        return horizontal ? { x1: from, y1: at, x2: to, y2: at } : { x1: at, y1: from, x2: at, y2: to };
      })
  );
}

/**
 * The page's straight rulings, horizontal and vertical, in points: runs of ink long enough not
 * to be a stroke of a character (a quarter of an inch and more).
 */
export function findRulings(img: GrayImage, mask: Uint8Array): Segment[] {
  const minLength = Math.round(img.dpi * 0.3);
  // A row of a table is a fifth of an inch and more: the rulings between its cells are that long.
  const minVertical = Math.round(img.dpi * 0.2);
  const scale = 72 / img.dpi;
  return [
    ...rulings(runs(mask, img.width, img.height, true, minLength), true, scale),
    ...rulings(runs(mask, img.width, img.height, false, minVertical), false, scale),
  ];
}
