import { findTables, type GridCell } from '../pdf/grid.ts';
import type { PageGeometry, PdfChar, Segment } from '../pdf/parse/index.ts';
import { binarised, cropCell, lineCount, type PixelBox } from './crop.ts';
import type { RgbImage } from './raster.ts';
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

// What the Chinese model makes of a number: digits, and letters or marks of their shapes (「b」 for 6, 「]]」 for 11).
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

/** Glyphs of the page's free text (outside tables), from the words tesseract found, in points. */
function textChars(words: readonly OcrWord[], scale: number, runFrom: number): PdfChar[] {
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const out: PdfChar[] = [];
  let run = runFrom;
  for (const line of lines.values()) {
    line.sort((a, b) => a.left - b.left);
    const height = Math.max(...line.map((w) => w.height));
    const bottom = Math.max(...line.map((w) => w.top + w.height));
    const size = height * scale * 0.95;
    line.forEach((w, k) => {
      const chars = [...w.text];
      const next = line[k + 1];
      // Words tesseract split a run of ideographs into touch again: the gap between them is
      // the spacing of the characters, not a space of the source.
      const right = next && next.left - (w.left + w.width) < height ? next.left : w.left + w.width;
      const cw = (right - w.left) / chars.length;
      chars.forEach((c, i) => out.push({ text: c, x: (w.left + i * cw) * scale, y: bottom * scale, w: cw * scale, size, run, vertical: false }));
    });
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

/** The text and confidence of a cell from its words: words joined, the least sure word's confidence. */
function joinWords(words: readonly OcrWord[]): { text: string; conf: number } {
  if (words.length === 0) return { text: '', conf: 0 };
  const text = words
    .map((w) => w.text)
    .join(' ')
    // Spaces tesseract puts between ideographs, or inside a number, are not in the source.
    .replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, '')
    .replace(/(?<=\d) (?=\d)/g, '');
  return { text, conf: Math.min(...words.map((w) => w.conf)) };
}

/**
 * Reads a page image: seal red dropped, skew found and corrected, ruled tables found from the
 * page's lines of ink (the same grid as a PDF's rulings), each cell box read by tesseract on its
 * own — numbers a second time with digits only — and the free text read from the page with the
 * tables blanked. Returns the page as glyphs and rulings in points, as the PDF reader sees one.
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
  // One line of text (most cells) or several (a label wrapped in a narrow cell): read as a line, or as a block.
  const multi = new Set(inked.filter((i) => lineCount(crops[i] as GrayImage, threshold) > 1));
  const single = inked.filter((i) => !multi.has(i));
  const block = inked.filter((i) => multi.has(i));
  const [lineWords, blockWords] = [
    await recognise(
      single.map((i) => crops[i] as GrayImage),
      { lang: 'chi_sim', psm: 7 },
    ),
    await recognise(
      block.map((i) => crops[i] as GrayImage),
      { lang: 'chi_sim', psm: 6 },
    ),
  ];
  const read = new Map<number, { text: string; conf: number }>();
  single.forEach((i, k) => read.set(i, joinWords(lineWords[k] ?? [])));
  block.forEach((i, k) => read.set(i, joinWords(blockWords[k] ?? [])));
  // Numbers again with digits only: the Chinese model's guesses at a digit (「O」「l」) are out.
  // Numbers again with digits only: what the Chinese model read as digits or their look-alikes,
  // what it could not read at all, and short readings in a column of numbers (「局」 for 6).
  const columnKey = (i: number) => `${Math.round((boxes[i] as GridCell).x0)}:${Math.round((boxes[i] as GridCell).x1)}`;
  const numbersIn = new Map<string, number>();
  for (const i of single)
    if (MAYBE_NUMBER.test((read.get(i) as { text: string }).text)) numbersIn.set(columnKey(i), (numbersIn.get(columnKey(i)) ?? 0) + 1);
  const numeric = single.filter((i) => {
    const text = (read.get(i) as { text: string }).text;
    return MAYBE_NUMBER.test(text) || text === '' || ((numbersIn.get(columnKey(i)) ?? 0) >= 3 && [...text].length <= 4);
  });
  const digits = async (cells: number[], psm: number) =>
    recognise(
      cells.map((i) => binarised(crops[i] as GrayImage, threshold)),
      { lang: 'eng', psm, whitelist: '0123456789.' },
    );
  const second = await digits(numeric, 7);
  // A lone digit the line mode found nothing in: read as a single character.
  const lone = numeric.filter((_, k) => (second[k] ?? []).length === 0);
  const third = await digits(lone, 10);
  lone.forEach((i, k) => (second[numeric.indexOf(i)] = third[k] ?? []));
  numeric.forEach((i, k) => {
    const a = read.get(i) as { text: string; conf: number };
    const b = joinWords(second[k] ?? []);
    // Both readings agree: as sure as the surer; else the digits-only reading, no surer than the other.
    read.set(i, a.text === b.text ? { text: b.text, conf: Math.max(a.conf, b.conf) } : { text: b.text, conf: Math.min(a.conf, b.conf, 50) });
  });

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
  chars.push(...textChars(words ?? [], 72 / gray.dpi, boxes.length));
  return { geometry: { width: gray.width / px, height: gray.height / px, chars, segments }, cells, skew };
}
