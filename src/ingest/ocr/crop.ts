import type { GrayImage } from './rulings.ts';

/** A rectangle in pixels: left, top, right and bottom (exclusive). */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

// White margin around a crop: tesseract reads a word touching its image's edge badly.
const MARGIN = 20;

/**
 * Ink pixels with at least two inked neighbours (of eight): strokes of characters, not the
 * specks of noise or dust a scan adds.
 */
function strokeCount(img: GrayImage, box: PixelBox, threshold: number): { count: number; bounds: PixelBox | undefined } {
  const { width, pixels } = img;
  const ink = (x: number, y: number) => x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1 && (pixels[y * width + x] as number) <= threshold;
  let count = 0;
  let bounds: PixelBox | undefined;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      if (!ink(x, y)) continue;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if ((dx || dy) && ink(x + dx, y + dy)) n++;
      if (n < 2) continue;
      count++;
      if (!bounds) bounds = { x0: x, y0: y, x1: x + 1, y1: y + 1 };
      else {
        bounds.x0 = Math.min(bounds.x0, x);
        bounds.y0 = Math.min(bounds.y0, y);
        bounds.x1 = Math.max(bounds.x1, x + 1);
        bounds.y1 = Math.max(bounds.y1, y + 1);
      }
    }
  }
  return { count, bounds };
}

/**
 * Leaves out the rows and columns at a box's sides that are mostly ink: what the inset left of
 * a ruling (a thick or slightly skewed line).
 */
function trimRulings(img: GrayImage, box: PixelBox, threshold: number): PixelBox {
  const b = { ...box };
  const rowInk = (y: number) => {
    let n = 0;
    for (let x = b.x0; x < b.x1; x++) if ((img.pixels[y * img.width + x] as number) <= threshold) n++;
    return n / Math.max(1, b.x1 - b.x0);
  };
  const colInk = (x: number) => {
    let n = 0;
    for (let y = b.y0; y < b.y1; y++) if ((img.pixels[y * img.width + x] as number) <= threshold) n++;
    return n / Math.max(1, b.y1 - b.y0);
  };
  const depth = Math.round(img.dpi / 40);
  for (let i = 0; i < depth && b.y1 - b.y0 > 2; i++) if (rowInk(b.y0) > 0.4) b.y0++;
  for (let i = 0; i < depth && b.y1 - b.y0 > 2; i++) if (rowInk(b.y1 - 1) > 0.4) b.y1--;
  for (let i = 0; i < depth && b.x1 - b.x0 > 2; i++) if (colInk(b.x0) > 0.4) b.x0++;
  for (let i = 0; i < depth && b.x1 - b.x0 > 2; i++) if (colInk(b.x1 - 1) > 0.4) b.x1--;
  return b;
}

/**
 * What a cell box shows, ready for OCR: the ink inside the box (its rulings left out), on a
 * white margin, scaled by `scale`; undefined for a box with no strokes (blank).
 */
export function cropCell(img: GrayImage, box: PixelBox, threshold: number, scale = 1): GrayImage | undefined {
  const inner = trimRulings(img, box, threshold);
  const minStrokes = Math.max(6, Math.round((img.dpi / 100) ** 2 * 4));
  const { count, bounds } = strokeCount(img, inner, threshold);
  if (!bounds || count < minStrokes) return undefined;
  return crop(img, bounds, scale);
}

/** A part of the image on a white margin, scaled (bilinear) by `scale`. */
export function crop(img: GrayImage, b: PixelBox, scale = 1): GrayImage {
  const w = Math.round((b.x1 - b.x0) * scale) + 2 * MARGIN;
  const h = Math.round((b.y1 - b.y0) * scale) + 2 * MARGIN;
  const pixels = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h - 2 * MARGIN; y++) {
    for (let x = 0; x < w - 2 * MARGIN; x++) {
      const sx = Math.min(b.x1 - 1, b.x0 + x / scale);
      const sy = Math.min(b.y1 - 1, b.y0 + y / scale);
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const x1 = Math.min(b.x1 - 1, x0 + 1);
      const y1 = Math.min(b.y1 - 1, y0 + 1);
      const p = (xx: number, yy: number) => img.pixels[yy * img.width + xx] as number;
      const v = (p(x0, y0) * (1 - fx) + p(x1, y0) * fx) * (1 - fy) + (p(x0, y1) * (1 - fx) + p(x1, y1) * fx) * fy;
      pixels[(y + MARGIN) * w + x + MARGIN] = Math.round(v);
    }
  }
  return { width: w, height: h, pixels, dpi: Math.round(img.dpi * scale) };
}

/** How many lines of text a crop holds: bands of inked rows separated by blank ones. */
export function lineCount(img: GrayImage, threshold: number): number {
  let bands = 0;
  let inBand = 0;
  const minBand = Math.max(2, Math.round(img.dpi / 60));
  for (let y = 0; y <= img.height; y++) {
    let ink = false;
    if (y < img.height) for (let x = 0; x < img.width && !ink; x++) ink = (img.pixels[y * img.width + x] as number) <= threshold;
    if (ink) inBand++;
    else {
      if (inBand >= minBand) bands++;
      inBand = 0;
    }
  }
  return bands;
}

/**
 * A crop in black and white at the page's threshold: tesseract's own threshold, taken over a
 * small crop with JPEG ringing and noise, loses thin digits (a «0» read as nothing). Only for
 * numbers: the Chinese model reads labels better from the gray levels.
 */
export function binarised(img: GrayImage, threshold: number): GrayImage {
  const cut = Math.min(threshold + 15, 210);
  return { ...img, pixels: img.pixels.map((p) => (p <= cut ? 0 : 255)) };
}
