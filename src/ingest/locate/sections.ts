import type { Section } from '../../report/index.ts';
import type { SourceDocument } from '../document.ts';
import type { Heading } from './headings.ts';
import { isPageNumberLine } from './tokens.ts';

/** A range of document lines [from, to] a table occupies, left out of section text. */
export interface LineRange {
  from: number;
  to: number;
}

const PARAGRAPH_END = /[。！？；：:!?;…」”）)]$/;
const PARAGRAPH_START = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是]|\d+[.、．]|第[一二三四五六七八九十]+)/;

/**
 * Joins lines that a page layout wrapped back into paragraphs: a line continues the one
 * before unless that one ended a sentence or this one starts a numbered item.
 */
export function reflow(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  for (const line of lines) {
    const last = paragraphs.length - 1;
    const prev = paragraphs[last];
    if (prev !== undefined && !PARAGRAPH_END.test(prev) && !PARAGRAPH_START.test(line)) paragraphs[last] = prev + line;
    else paragraphs.push(line);
  }
  return paragraphs.join('\n');
}

/**
 * The six sections' text: what stands between each heading and the next, without the lines
 * that tables occupy.
 */
export function buildSections(doc: SourceDocument, headings: readonly Heading[], tables: readonly LineRange[]): Section[] {
  const inTable = (line: number) => tables.some((r) => line >= r.from && line <= r.to);
  return headings.map((h, i) => {
    const next = headings[i + 1];
    const parts: string[] = [];
    const lastLine = next ? next.line : doc.lines.length - 1;
    for (let line = h.line; line <= lastLine; line++) {
      if (line !== h.line && inTable(line)) continue;
      const text = doc.lines[line]?.text ?? '';
      const from = line === h.line ? h.end : 0;
      const to = next && line === next.line ? next.start : text.length;
      const piece = text.slice(from, Math.max(from, to)).trim();
      if (piece !== '' && !isPageNumberLine(piece)) parts.push(piece);
    }
    const text = doc.kind === 'pdf' || doc.kind === 'ofd' || doc.kind === 'text' ? reflow(parts) : parts.join('\n');
    return { id: h.id, heading: h.text, text, source: { ...doc.lines[h.line]?.source } };
  });
}
