import { findTables, type GridCell } from '../pdf/grid.ts';
import type { PageGeometry, PdfChar, Segment } from '../pdf/parse/index.ts';
import { crop, cropCell, type PixelBox } from './crop.ts';
import { snapLabel } from './labels.ts';
import { type LineRead, readCell, readNumberAmong } from './paddle.ts';
import type { RgbImage } from './raster.ts';
import { LOW_CONFIDENCE } from './review.ts';
import { dropRed, estimateSkew, findRulings, type GrayImage, inkMask, otsu, rotate } from './rulings.ts';
import { type OcrWord, recognise } from './tesseract.ts';

/** A table cell read by OCR: its page, its box in points, the text and the confidence (0–100). */
export interface OcrCell {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
  conf: number;
}

/** A page read by OCR: its geometry as if it had a text layer, and every table cell with its confidence. */
export interface OcrPage {
  geometry: PageGeometry;
  cells: OcrCell[];
  /** The skew found and corrected, degrees. */
  skew: number;
}

// What the model may make of a number: digits, and letters or marks of their shapes (「b」 for 6, 「]]」 for 11).
const MAYBE_NUMBER = /^[\x21-\x7e\s，．。、「」〈〉《》（）]{1,14}$/;
// Cells are read at about this resolution: tesseract's models read 10–12 pt text best at ~300 dpi.
const CELL_DPI = 300;

/** Glyphs standing for a cell's text: one line at the box's middle, fitted to its width. */
export function placeText(text: string, box: { x0: number; y0: number; x1: number; y1: number }, run: number): PdfChar[] {
  const chars = [...text];
  if (chars.length === 0) return [];
  const size = Math.min(10.5, (box.y1 - box.y0) * 0.6);
  const widths = chars.map((c) => (/[\u0000-\u024f]/.test(c) ? size * 0.5 : size));
  const total = widths.reduce((a, b) => a + b, 0);
  const fit = Math.min(1, (box.x1 - box.x0 - 2) / total);
  const y = (box.y0 + box.y1) / 2 + size * 0.35;
  let x = box.x0 + 1;
  return chars.map((c, i) => {
    const w = (widths[i] as number) * fit;
    const ch: PdfChar = { text: c, x, y, w, size, run, vertical: false };
    x += w;
    return ch;
  });
}

/**
 * Glyphs of the page's free text (outside tables), in points: tesseract finds the lines and
 * their words; each run of words without a gap of one and a half times the line's height (a phrase; a gap
 * is a column's or a space's of the source) is read again by the PP-OCR model, far surer of
 * Chinese, and its characters spread across the run's box (an ideograph twice a Latin letter's
 * width). tesseract's own reading stands where the model reads nothing.
 */
async function textChars(words: readonly OcrWord[], img: GrayImage, threshold: number, runFrom: number): Promise<PdfChar[]> {
  const scale = 72 / img.dpi;
  const zoom = Math.max(1, CELL_DPI / img.dpi);
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const out: PdfChar[] = [];
  let run = runFrom;
  for (const line of lines.values()) {
    line.sort((a, b) => a.left - b.left);
    const height = Math.max(...line.map((w) => w.height));
    const bottom = Math.max(...line.map((w) => w.top + w.height));
    const size = height * scale * 0.95;
    const phrases: OcrWord[][] = [];
    for (const w of line) {
      const last = phrases.at(-1)?.at(-1);
      if (last && w.left - (last.left + last.width) < height * 1.5) (phrases.at(-1) as OcrWord[]).push(w);
      else phrases.push([w]);
    }
    for (const phrase of phrases) {
      const box = {
        x0: Math.max(0, Math.min(...phrase.map((w) => w.left)) - 2),
        y0: Math.max(0, Math.min(...phrase.map((w) => w.top)) - 2),
        x1: Math.min(img.width, Math.max(...phrase.map((w) => w.left + w.width)) + 2),
        y1: Math.min(img.height, Math.max(...phrase.map((w) => w.top + w.height)) + 2),
      };
      const again = box.x1 > box.x0 && box.y1 > box.y0 ? await readCell(crop(img, box, zoom), threshold, false) : { text: '', conf: 0 };
      const text = again.text.trim() || phrase.map((w) => w.text).join('');
      const chars = [...text];
      const weights = chars.map((c) => (/[\u0000-\u024f]/.test(c) ? 0.5 : 1));
      const unit = (box.x1 - box.x0 - 4) / weights.reduce((a, b) => a + b, 0);
      let x = box.x0 + 2;
      chars.forEach((c, i) => {
        const w = unit * (weights[i] as number);
        out.push({ text: c, x: x * scale, y: bottom * scale, w: w * scale, size, run, vertical: false });
        x += w;
      });
    }
    run++;
  }
  return out;
}

const pixelBox = (cell: GridCell, px: number, inset: number): PixelBox => ({
  x0: Math.round(cell.x0 * px) + inset,
  y0: Math.round(cell.y0 * px) + inset,
  x1: Math.round(cell.x1 * px) - inset,
  y1: Math.round(cell.y1 * px) - inset,
});

/** Whether a cell's first reading looks like a number: digits and their look-alikes, or a short reading in a column of numbers. */
function numberCells(inked: readonly number[], read: ReadonlyMap<number, LineRead>, boxes: readonly GridCell[]): number[] {
  const columnKey = (i: number) => `${Math.round((boxes[i] as GridCell).x0)}:${Math.round((boxes[i] as GridCell).x1)}`;
  const numbersIn = new Map<string, number>();
  for (const i of inked) if (MAYBE_NUMBER.test((read.get(i) as LineRead).text)) numbersIn.set(columnKey(i), (numbersIn.get(columnKey(i)) ?? 0) + 1);
  return inked.filter((i) => {
    const text = (read.get(i) as LineRead).text;
    return MAYBE_NUMBER.test(text) || text === '' || ((numbersIn.get(columnKey(i)) ?? 0) >= 3 && [...text].length <= 4);
  });
}

/**
 * Reads a page image: seal red dropped, skew found and corrected, ruled tables found from the
 * page's lines of ink (the same grid as a PDF's rulings), each cell box read on its own by the
 * PP-OCR model — numbers a second time with digits only, labels put right against the
 * standard's — and the free text read by tesseract from the page with the tables blanked.
 * Returns the page as glyphs and rulings in points, as the PDF reader sees one.
 */
export async function ocrPage(img: RgbImage, page: number): Promise<OcrPage> {
  let gray: GrayImage = dropRed(img);
  const threshold = otsu(gray);
  const skew = estimateSkew(gray, inkMask(gray, threshold));
  if (Math.abs(skew) >= 0.05) gray = rotate(gray, skew);
  const mask = inkMask(gray, threshold);
  const segments: Segment[] = findRulings(gray, mask);
  const tables = findTables(segments).filter((t) => t.xs.length >= 3);
  const px = gray.dpi / 72;
  const inset = Math.max(1, Math.round(gray.dpi / 100));
  const scale = Math.max(1, CELL_DPI / gray.dpi);
  const boxes = tables.flatMap((t) => t.cells);
  const crops = boxes.map((cell) => cropCell(gray, pixelBox(cell, px, inset), threshold, scale));
  const inked = crops.flatMap((c, i) => (c ? [i] : []));
  const read = new Map<number, LineRead>();
  for (const i of inked) read.set(i, await readCell(crops[i] as GrayImage, threshold, false));
  // Numbers again with digits only: a digit the model took for a letter or mark of its shape is out.
  const numbers = numberCells(inked, read, boxes);
  for (const i of numbers) {
    const first = read.get(i) as LineRead;
    const digits = await readCell(crops[i] as GrayImage, threshold, true);
    // Both readings agree: as sure as the surer; else the digits-only reading, no surer than 50.
    read.set(
      i,
      first.text === digits.text
        ? { text: digits.text, conf: Math.max(first.conf, digits.conf) }
        : { text: digits.text, conf: Math.min(first.conf, digits.conf, 50) },
    );
  }
  // A number the model was unsure of, read again between copies of a number of the page it was sure of.
  const sure = numbers
    .filter((i) => /^\d{2,}$/.test((read.get(i) as LineRead).text) && (read.get(i) as LineRead).conf >= 98)
    .sort((a, b) => (read.get(b) as LineRead).conf - (read.get(a) as LineRead).conf)[0];
  if (sure !== undefined) {
    const known = { img: crops[sure] as GrayImage, text: (read.get(sure) as LineRead).text };
    for (const i of numbers.filter((n) => (read.get(n) as LineRead).conf < 50)) {
      const again = await readNumberAmong(crops[i] as GrayImage, known, threshold);
      if (again && again.conf >= LOW_CONFIDENCE) read.set(i, again);
    }
  }
  // A number the model could not make out (nothing, or unsure): tesseract's reading, digits only,
  // where it is sure of one — still flagged, a second engine's guess is not a certainty.
  const unsure = numbers.filter((i) => (read.get(i) as LineRead).conf < 50);
  const second = await recognise(
    unsure.map((i) => crops[i] as GrayImage),
    { lang: 'eng', psm: 7, whitelist: '0123456789.-' },
  );
  unsure.forEach((i, k) => {
    const words = second[k] ?? [];
    const text = words.map((w) => w.text).join('');
    const conf = Math.min(...words.map((w) => w.conf));
    if (/^-?\d+(\.\d+)?$/.test(text) && conf >= 80) read.set(i, { text, conf: Math.min(conf, LOW_CONFIDENCE - 1) });
  });
  for (const [i, r] of read) {
    const label = snapLabel(r.text);
    if (label) read.set(i, { ...r, text: label });
    // A speck read as a point before or after a whole number: the number, to be checked.
    else if (/^\.\d+$|^\d+\.$/.test(r.text)) read.set(i, { text: r.text.replace('.', ''), conf: Math.min(r.conf, LOW_CONFIDENCE - 1) });
  }

  const cells: OcrCell[] = [];
  const chars: PdfChar[] = [];
  boxes.forEach((box, i) => {
    const r = read.get(i) ?? { text: '', conf: 100 };
    cells.push({ page, x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1, text: r.text, conf: Math.round(r.conf * 10) / 10 });
    chars.push(...placeText(r.text, box, i));
  });

  // Free text: the page with its tables blanked.
  const blank = { ...gray, pixels: gray.pixels.slice() };
  for (const t of tables) {
    const b = pixelBox({ x0: t.x0, y0: t.y0, x1: t.x1, y1: t.y1 } as GridCell, px, -inset * 2);
    for (let y = Math.max(0, b.y0); y < Math.min(blank.height, b.y1); y++)
      blank.pixels.fill(255, y * blank.width + Math.max(0, b.x0), y * blank.width + Math.min(blank.width, b.x1));
  }
  const [words] = await recognise([blank], { lang: 'chi_sim', psm: 3 });
  chars.push(...(await textChars(words ?? [], blank, threshold, boxes.length)));
  return { geometry: { width: gray.width / px, height: gray.height / px, chars, segments }, cells, skew };
}
