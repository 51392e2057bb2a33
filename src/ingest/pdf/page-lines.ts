import { normalizeText } from '../../format/index.ts';
import type { SourceLocation } from '../../report/index.ts';
import { cellAt, cellIndex, findTables, type GridCell, type RuledTable } from './grid.ts';
import type { PageGeometry, PdfChar } from './parse/index.ts';
import type { TextItem } from './pdf-lines.ts';

/** A line of a page before it becomes a document line: free text, or one row of a ruled table. */
export type PageLine = { kind: 'text'; y: number; items: TextItem[] } | { kind: 'row'; y: number; cells: RowCell[] };

/** A cell of a table row: its text, its box, and whether the page edge cut it. */
export interface RowCell {
  text: string;
  box: GridCell;
  cut: boolean;
}

// A word space inside a cell: a gap wider than this share of the font size.
const WORD_GAP = 0.25;
// How much widths of lines may differ without meaning anything (points): spacing, rounding.
const WRAP_TOLERANCE = 1.5;
// The widest inner margin of a table cell among the producers (Word and WPS 5.4 pt, Chromium
// and LibreOffice less, with room to spare).
const MAX_PADDING = 11;

function centerOf(c: PdfChar): [number, number] {
  return [c.x + c.w / 2, c.vertical ? c.y - c.size / 2 : c.y - c.size * 0.35];
}

/** Glyphs that were drawn on the page (not outside its edges, where a viewer clips them). */
function visible(c: PdfChar, width: number, height: number): boolean {
  const [x, y] = centerOf(c);
  return x >= 0 && x <= width && y >= 0 && y <= height && c.text.trim() !== '';
}

const RADICAL_FORM = /[\u2e80-\u2fdf]/;

/**
 * Fonts (Noto CJK through Chromium among them) map some ideographs' glyphs to the Kangxi or
 * supplement radical of the same shape (⼀ for 一, ⻓ for 长): the text is the ideograph.
 */
function foldRadical(c: PdfChar): PdfChar {
  return RADICAL_FORM.test(c.text) ? { ...c, text: normalizeText(c.text) } : c;
}

/** Glyphs of one cell as text lines, top to bottom, each left to right. */
function cellLines(chars: PdfChar[]): PdfChar[][] {
  const sorted = [...chars].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfChar[][] = [];
  for (const c of sorted) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (line && ref && !c.vertical && !ref.vertical && Math.abs(c.y - ref.y) <= 0.5 * Math.min(c.size, ref.size)) line.push(c);
    else lines.push([c]);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

function lineText(line: PdfChar[]): string {
  let text = '';
  let prev: PdfChar | undefined;
  for (const c of line) {
    if (prev && c.x - (prev.x + prev.w) > WORD_GAP * Math.min(c.size, prev.size)) text += ' ';
    text += c.text;
    prev = c;
  }
  return text;
}

// Cells reaching this close to the page edge are taken as cut by it.
const EDGE = 1.5;

const NUMERIC = /^[\d.,，．%]+$/;

/** Width of a line of glyphs, from its first glyph's left edge to its last one's right. */
function lineWidth(line: readonly PdfChar[]): number {
  const first = line[0] as PdfChar;
  const last = line[line.length - 1] as PdfChar;
  return last.x + last.w - first.x;
}

/**
 * For each column of a table (boxes with the same left and right sides), the widest number
 * that stands on one line in it: a box of that column has at least that much room.
 */
export function columnRoom(cells: readonly GridCell[]): Map<string, number> {
  const room = new Map<string, number>();
  for (const cell of cells) {
    const lines = cellLines(cell.chars);
    if (lines.length !== 1 || !NUMERIC.test(lineText(lines[0] as PdfChar[]))) continue;
    const key = columnKey(cell);
    room.set(key, Math.max(room.get(key) ?? 0, lineWidth(lines[0] as PdfChar[])));
  }
  return room;
}

const columnKey = (cell: GridCell) => `${Math.round(cell.x0)}:${Math.round(cell.x1)}`;

/**
 * The text of a cell box. Its lines are joined: a number or label wrapped in a narrow cell
 * becomes whole again («300» over «1» is 3001). Where the grid row looks like several table
 * rows (`stacked`), numbers on lines that were not wrapped stay separate words, so two values
 * are never fused: a line was not wrapped when the next glyph would have fitted — the box is
 * wider than the line, the next glyph and two paddings, or a number as wide stands on one
 * line elsewhere in the same column.
 */
export function cellText(box: GridCell, room: ReadonlyMap<string, number> = new Map(), stacked = true): string {
  const lines = cellLines(box.chars);
  const fits = room.get(columnKey(box)) ?? 0;
  let text = '';
  lines.forEach((line, i) => {
    const t = lineText(line);
    if (i === 0) {
      text = t;
      return;
    }
    const prev = lines[i - 1] as PdfChar[];
    const needed = lineWidth(prev) + (line[0] as PdfChar).w;
    const wrapped = !stacked || (box.x1 - box.x0 - needed < 2 * MAX_PADDING && needed > fits + WRAP_TOLERANCE);
    const numbers = NUMERIC.test(lineText(prev)) && NUMERIC.test(t);
    text += numbers && !wrapped ? ` ${t}` : t;
  });
  return text;
}

/**
 * A grid row that may hold several table rows (a ruling between them not drawn): every box
 * with text has as many lines as the others, two or more. A number wrapped in one narrow box
 * beside one-line boxes is never read so.
 */
function looksStacked(cells: readonly GridCell[]): boolean {
  const counts = cells.filter((c) => c.chars.length > 0).map((c) => cellLines(c.chars).length);
  return counts.length > 1 && counts.every((n) => n === counts[0] && n >= 2);
}

/**
 * A box cut by the page edge (or running up to it, or missing its border where the printer's
 * clip removed it) may have lost digits. It is read only when every line of its text ends
 * (or starts) at least a glyph's width inside the visible part: a digit lost beyond the edge
 * would have stood closer. An empty cut box is unknown, not blank.
 */
function isCut(cell: GridCell, width: number, height: number): boolean {
  if (cell.y0 < EDGE || cell.y1 > height - EDGE) return true;
  const cutLeft = cell.openLeft || cell.x0 < EDGE;
  const cutRight = cell.openRight || cell.x1 > width - EDGE;
  if (!cutLeft && !cutRight) return false;
  if (cell.chars.length === 0) return true;
  const left = Math.max(cell.x0, 0);
  const right = Math.min(cell.x1, width);
  return cellLines(cell.chars).some((line) => {
    const first = line[0] as PdfChar;
    const last = line[line.length - 1] as PdfChar;
    const glyph = Math.max(...line.map((c) => c.w)) + WRAP_TOLERANCE;
    return (cutRight && last.x + last.w + glyph > right) || (cutLeft && first.x - glyph < left);
  });
}

/** Consecutive glyphs on one baseline, touching, as text items (the line grouper's input). */
function itemsOf(chars: PdfChar[]): TextItem[] {
  const items: TextItem[] = [];
  let cur: TextItem | undefined;
  let last: PdfChar | undefined;
  for (const c of chars) {
    if (c.vertical) {
      items.push({ str: c.text, x: c.x, y: c.y, width: c.w, size: c.size });
      cur = undefined;
      last = undefined;
      continue;
    }
    const gap = last ? c.x - (last.x + last.w) : 0;
    if (
      cur &&
      last &&
      Math.abs(c.y - last.y) < 0.1 * c.size &&
      Math.abs(c.size - last.size) < 0.1 * c.size &&
      gap > -0.2 * c.size &&
      gap < 0.15 * c.size
    ) {
      cur.str += c.text;
      cur.width = c.x + c.w - cur.x;
    } else {
      cur = { str: c.text, x: c.x, y: c.y, width: c.w, size: c.size };
      items.push(cur);
    }
    last = c;
  }
  return items;
}

/**
 * Cuts a page into lines: each row of a ruled table is one line whose cells are the boxes
 * starting in that row (an empty box is an empty cell); the glyphs outside tables are
 * grouped into text lines by baseline.
 */
export function pageLines(page: PageGeometry): PageLine[] {
  const chars = page.chars.filter((c) => visible(c, page.width, page.height)).map(foldRadical);
  // One column of boxes is a frame (a page border, a boxed paragraph), not a table; one row
  // is a table's last row carried onto the next page.
  const tables: RuledTable[] = findTables(page.segments).filter((t) => t.xs.length >= 3);
  const indexes = tables.map(cellIndex);
  const free: PdfChar[] = [];
  // Glyphs run past a table's open side (where the clip stopped its drawing but not a text
  // run that crossed it) belong to the box at that side: they show that box was cut.
  const open = tables.map((t) => ({
    left: t.cells.some((c) => c.openLeft && c.x0 <= t.x0 + 0.5),
    right: t.cells.some((c) => c.openRight && c.x1 >= t.x1 - 0.5),
  }));
  for (const c of chars) {
    const [cx, y] = centerOf(c);
    let placed = false;
    for (let t = 0; t < tables.length && !placed; t++) {
      const table = tables[t] as RuledTable;
      const side = open[t] as { left: boolean; right: boolean };
      const x = side.right && cx > table.x1 ? table.x1 - 0.01 : side.left && cx < table.x0 ? table.x0 + 0.01 : cx;
      const cell = cellAt(table, x, y, indexes[t] as Map<number, GridCell>);
      if (cell) {
        cell.chars.push(c);
        placed = true;
      }
    }
    if (!placed) free.push(c);
  }
  const out: PageLine[] = [];
  for (const table of tables) {
    const room = columnRoom(table.cells);
    const cut = (cell: GridCell) => isCut(cell, page.width, page.height);
    const rows = new Map<number, GridCell[]>();
    for (const cell of table.cells) rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell]);
    for (const [, cells] of [...rows].sort((a, b) => a[0] - b[0])) {
      const stacked = looksStacked(cells);
      const texts = cells
        .sort((a, b) => a.col - b.col)
        .map((box) => (cut(box) ? { text: '', box, cut: true } : { text: cellText(box, room, stacked), box, cut: false }));
      if (texts.every((t) => t.text === '')) continue;
      out.push({ kind: 'row', y: (cells[0] as GridCell).y0, cells: texts });
    }
  }
  for (const item of itemsOf(free)) out.push({ kind: 'text', y: item.y, items: [item] });
  return mergeText(out);
}

/** Free text items on one baseline become one line; rows keep their place by their top. */
function mergeText(lines: PageLine[]): PageLine[] {
  const rows = lines.filter((l) => l.kind === 'row');
  const items = lines.flatMap((l) => (l.kind === 'text' ? l.items : []));
  const sorted = items.sort((a, b) => a.y - b.y || a.x - b.x);
  const text: PageLine[] = [];
  let meanY = 0;
  let minSize = 0;
  for (const item of sorted) {
    const line = text[text.length - 1];
    if (line && line.kind === 'text' && Math.abs(item.y - meanY) <= 0.6 * Math.min(item.size, minSize)) {
      line.items.push(item);
      meanY += (item.y - meanY) / line.items.length;
      minSize = Math.min(minSize, item.size);
    } else {
      text.push({ kind: 'text', y: item.y, items: [item] });
      meanY = item.y;
      minSize = item.size;
    }
  }
  for (const line of text) if (line.kind === 'text') line.items.sort((a, b) => a.x - b.x);
  return [...rows, ...text].sort((a, b) => a.y - b.y);
}

/** Where a cell box stands, for provenance. */
export function boxSource(file: string, page: number, box: GridCell): SourceLocation {
  const r = (n: number) => Math.round(n * 10) / 10;
  return { file, page, x: r(box.x0), y: r(box.y0), width: r(box.x1 - box.x0), height: r(box.y1 - box.y0) };
}
