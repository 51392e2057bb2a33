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

/** A connected blot of ink: its pixels (indexes into the image) and its bounds. */
interface Blot extends PixelBox {
  pixels: number[];
}

/** The connected blots of ink (8-neighbours) inside a box. */
export function blots(img: GrayImage, box: PixelBox, threshold: number): Blot[] {
  const { width, pixels } = img;
  const seen = new Uint8Array((box.x1 - box.x0) * (box.y1 - box.y0));
  const at = (x: number, y: number) => (y - box.y0) * (box.x1 - box.x0) + (x - box.x0);
  const out: Blot[] = [];
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      if (seen[at(x, y)] || (pixels[y * width + x] as number) > threshold) continue;
      const blot: Blot = { x0: x, y0: y, x1: x + 1, y1: y + 1, pixels: [] };
      const stack = [x, y];
      seen[at(x, y)] = 1;
      while (stack.length) {
        const cy = stack.pop() as number;
        const cx = stack.pop() as number;
        blot.pixels.push(cy * width + cx);
        blot.x0 = Math.min(blot.x0, cx);
        blot.y0 = Math.min(blot.y0, cy);
        blot.x1 = Math.max(blot.x1, cx + 1);
        blot.y1 = Math.max(blot.y1, cy + 1);
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const nx = cx + dx;
            const ny = cy + dy;
            if (nx < box.x0 || ny < box.y0 || nx >= box.x1 || ny >= box.y1 || seen[at(nx, ny)]) continue;
            if ((pixels[ny * width + nx] as number) > threshold) continue;
            seen[at(nx, ny)] = 1;
            stack.push(nx, ny);
          }
      }
      out.push(blot);
    }
  }
  return out;
}

/**
 * The blots that are the cell's text: not a piece of a ruling the trim left (thin, long, at the
 * box's edge — a skewed line), not a speck of noise (a few dark pixels: a printed decimal point
 * is larger, about a stroke's width across), not dust beside the text's lines.
 */
function textBlots(all: readonly Blot[], box: PixelBox, pixels: Uint8Array, threshold: number, dpi: number): Blot[] {
  const thin = Math.max(2, dpi / 40);
  const atEdge = (b: Blot) => b.x0 <= box.x0 + 1 || b.y0 <= box.y0 + 1 || b.x1 >= box.x1 - 1 || b.y1 >= box.y1 - 1;
  const ruling = (b: Blot) => {
    const [w, h] = [b.x1 - b.x0, b.y1 - b.y0];
    return atEdge(b) && Math.min(w, h) <= thin && Math.max(w, h) >= 3 * Math.min(w, h);
  };
  const speck = Math.max(3, (dpi / 100) ** 2 * 1.5);
  const dark = (b: Blot) => b.pixels.filter((i) => (pixels[i] as number) <= threshold).length;
  const inked = all.filter((b) => !ruling(b) && dark(b) > speck);
  // A small blot beside every line of the text (above or below it all) is dust, not a character's
  // part: a point or a dot of a character stands within its line's height.
  const largest = Math.max(0, ...inked.map((b) => b.pixels.length));
  const big = inked.filter((b) => b.pixels.length >= largest / 4);
  return inked.filter((b) => b.pixels.length >= largest / 10 || big.some((g) => b.y1 > g.y0 && b.y0 < g.y1));
}

/**
 * What a cell box shows, ready for OCR: the ink of its text (rulings left out, specks of noise
 * and smudges dropped), on a white margin, scaled by `scale`; undefined for a box with no text
 * (blank). Blots are joined at a paler level than the page's threshold, so a thin stroke's faint
 * middle keeps a character whole; a blot counts by its pixels darker than the threshold.
 */
export function cropCell(img: GrayImage, box: PixelBox, threshold: number, scale = 1): GrayImage | undefined {
  const inner = trimRulings(img, box, threshold);
  if (inner.x1 <= inner.x0 || inner.y1 <= inner.y0) return undefined;
  const minStrokes = Math.max(6, Math.round((img.dpi / 100) ** 2 * 4));
  const text = textBlots(blots(img, inner, Math.min(threshold + 40, 230)), inner, img.pixels, threshold, img.dpi);
  const count = text.reduce((n, b) => n + b.pixels.filter((i) => (img.pixels[i] as number) <= threshold).length, 0);
  if (text.length === 0 || count < minStrokes) return undefined;
  const bounds = {
    x0: Math.min(...text.map((b) => b.x0)),
    y0: Math.min(...text.map((b) => b.y0)),
    x1: Math.max(...text.map((b) => b.x1)),
    y1: Math.max(...text.map((b) => b.y1)),
  };
  // The text's blots with a pixel around them (soft edges); the rest becomes paper.
  const [w, h] = [bounds.x1 - bounds.x0, bounds.y1 - bounds.y0];
  const part: GrayImage = { width: w, height: h, dpi: img.dpi, pixels: new Uint8Array(w * h).fill(255) };
  for (const b of text)
    for (const i of b.pixels) {
      const [x, y] = [(i % img.width) - bounds.x0, Math.floor(i / img.width) - bounds.y0];
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const [px, py] = [x + dx, y + dy];
          if (px >= 0 && py >= 0 && px < w && py < h) part.pixels[py * w + px] = img.pixels[(py + bounds.y0) * img.width + px + bounds.x0] as number;
        }
    }
  return crop(part, { x0: 0, y0: 0, x1: w, y1: h }, scale);
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
