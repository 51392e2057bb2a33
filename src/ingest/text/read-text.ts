import type { DocLine, SourceDocument } from '../document.ts';
import { ReadError } from '../document.ts';
import { decodeText } from './decode.ts';

/**
 * Splits a text line into cells when it is laid out as a table row: `a | b | c` (pipes, with
 * the outer pipes dropped) or tab-separated (a leading tab is indentation, and a line that is
 * only a tab is one blank cell, as word processors export table cells). A line that starts
 * with spaces before its first pipe (` | 0 | 1`) starts with a blank cell, not an outer pipe.
 */
export function splitCells(line: string): string[] | undefined {
  if (line.includes('|')) {
    const cells = line.split('|');
    if (cells.length > 1 && (cells[0] === '' || (cells[0]?.trim() === '' && cells.length === 2))) cells.shift();
    if (cells.length > 1 && cells[cells.length - 1]?.trim() === '') cells.pop();
    return cells;
  }
  if (line.includes('\t')) {
    const cells = line.split('\t');
    if (cells.length > 1 && cells[0] === '') cells.shift();
    return cells;
  }
  return undefined;
}

/** Turns plain text into document lines (1-based line numbers as provenance). */
export function textToDocument(file: string, text: string, kind: SourceDocument['kind'] = 'text'): SourceDocument {
  const raw = text.split(/\r\n|\r|\n/);
  const lines: DocLine[] = raw.map((lineText, i) => {
    const cells = splitCells(lineText);
    const line: DocLine = { text: lineText, source: { file, line: i + 1 } };
    if (cells) line.cells = cells;
    return line;
  });
  return { file, kind, lines, messages: [] };
}

/** Reads a text report (any common Chinese encoding) into a document. */
export function readText(file: string, bytes: Uint8Array): SourceDocument {
  const { text } = decodeText(file, bytes);
  if (text.trim() === '') throw new ReadError(file, '文件只有空白，没有内容', 'file holds only whitespace');
  return textToDocument(file, text);
}
