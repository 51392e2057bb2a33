import type { SourceLocation } from '../../report/index.ts';
import type { DocLine } from '../document.ts';

/** A positioned run of text on a page (pdf.js text item), top-left origin. */
export interface TextItem {
  str: string;
  x: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  width: number;
  /** Font size. */
  size: number;
}

// Two items share a line when their baselines differ by less than this share of the font:
// cells of one table row set in different fonts sit a few points apart; lines of prose are
// at least 1.2 font sizes apart.
const SAME_LINE = 0.6;
// A gap wider than this many font sizes separates table cells (cell padding and borders);
// pdf.js gives runs of prose as items with no such gaps.
const CELL_GAP = 0.5;
// A gap wider than this many font sizes is a space inside a cell.
const WORD_GAP = 0.2;

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Groups a page's items into lines, top to bottom, each sorted left to right. */
export function groupLines(items: readonly TextItem[]): TextItem[][] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextItem[][] = [];
  let meanY = 0;
  let minSize = 0;
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(item.y - meanY) <= SAME_LINE * Math.min(item.size, minSize)) {
      line.push(item);
      meanY += (item.y - meanY) / line.length;
      minSize = Math.min(minSize, item.size);
    } else {
      lines.push([item]);
      meanY = item.y;
      minSize = item.size;
    }
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

/**
 * Turns one line of items into a document line: items far apart become separate cells
 * (table columns), each with its page position.
 */
export function lineToDoc(items: readonly TextItem[], file: string, page: number, lineNo: number): DocLine {
  const cells: string[] = [];
  const cellSources: SourceLocation[] = [];
  let prev: TextItem | undefined;
  for (const item of items) {
    const text = item.str.trim();
    const gap = prev ? item.x - (prev.x + prev.width) : Number.POSITIVE_INFINITY;
    const size = Math.min(item.size, prev?.size ?? item.size);
    if (!prev || gap > CELL_GAP * size) {
      cells.push(text);
      cellSources.push({ file, page, x: round(item.x), y: round(item.y), width: round(item.width) });
    } else {
      cells[cells.length - 1] += (gap > WORD_GAP * size ? ' ' : '') + text;
      const source = cellSources[cellSources.length - 1] as SourceLocation;
      source.width = round(item.x + item.width - (source.x ?? item.x));
    }
    prev = item;
  }
  const first = items[0];
  const line: DocLine = { text: cells.join(' '), source: { file, page, line: lineNo, x: round(first?.x ?? 0), y: round(first?.y ?? 0) } };
  if (cells.length > 1) {
    line.cells = cells;
    line.cellSources = cellSources.map((s) => ({ ...s, line: lineNo }));
  }
  return line;
}
