import { labelKey, normalizeText, toSimplified } from '../../format/index.ts';
import type { SourceLocation } from '../../report/index.ts';
import type { SourceDocument } from '../document.ts';

/**
 * A word of the document: label text, a number, or a blank cell (empty, or a mark such as
 * 「/」「—」「无」 standing where a number belongs).
 */
export interface Token {
  kind: 'text' | 'num' | 'blank';
  raw: string;
  /** text: label key; num: the canonical number text; blank: the mark ('' when empty). */
  norm: string;
  value: number;
  /** Index of the document line. */
  line: number;
  /** True when this token ends its line (used to rejoin numbers broken over lines). */
  lineEnd: boolean;
  source: SourceLocation;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const BLANK_MARK = /^(?:[/\\—–\-_~…·－―]+|无|無|空|暂无|暫無)$/;
const PAGE_NUMBER = /^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$/;
/** Words that stand for a picture: image file names, CMS image ids, long hashes. */
const IMAGE_TOKEN = /^(?:[0-9a-f]{24,}|\d{11,}|.*\.(?:png|jpe?g|gif|bmp|webp)|\[图片.*\]?|\[image.*\]?)$/i;
const WORD = /[^\s\u00a0\u3000\u200b\ufeff]+/g;

/** True for a line that only holds a page number (「-4-」, 「第4页 共6页」). */
export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER.test(text);
}

/** True for a word that stands for a picture (a table published as an image). */
export function isImageToken(raw: string): boolean {
  return IMAGE_TOKEN.test(raw);
}

function classify(raw: string, simplify: boolean): Pick<Token, 'kind' | 'norm' | 'value'> {
  let text = normalizeText(raw);
  if (isImageToken(text)) return { kind: 'text', norm: '', value: Number.NaN };
  if (NUMBER.test(text)) {
    const norm = text.replace(/,/g, '').replace(/^\+/, '');
    return { kind: 'num', norm, value: Number(norm) };
  }
  if (BLANK_MARK.test(text)) return { kind: 'blank', norm: text, value: Number.NaN };
  if (simplify) text = toSimplified(text);
  return { kind: 'text', norm: labelKey(text), value: Number.NaN };
}

/**
 * Cuts a document into tokens, line by line and cell by cell. Empty cells become empty blank
 * tokens; page-number lines are dropped.
 */
export function tokenize(doc: SourceDocument, simplify: boolean): Token[] {
  const tokens: Token[] = [];
  doc.lines.forEach((line, index) => {
    if (!line.cells && isPageNumberLine(line.text)) return;
    const start = tokens.length;
    const parts = line.cells ?? [line.text];
    let column = 0;
    for (const part of parts) {
      const base = line.cells ? line.text.indexOf(part, column) : 0;
      const offset = base >= 0 ? base : column;
      let any = false;
      for (const m of part.matchAll(WORD)) {
        any = true;
        const c = classify(m[0], simplify);
        if (c.kind === 'text' && c.norm === '' && !isImageToken(m[0])) continue;
        tokens.push({ ...c, raw: m[0], line: index, lineEnd: false, source: { ...line.source, column: offset + (m.index ?? 0) + 1 } });
      }
      if (!any && line.cells) {
        tokens.push({
          kind: 'blank',
          raw: '',
          norm: '',
          value: Number.NaN,
          line: index,
          lineEnd: false,
          source: { ...line.source, column: offset + 1 },
        });
      }
      column = offset + part.length;
    }
    const last = tokens[tokens.length - 1];
    if (tokens.length > start && last) last.lineEnd = true;
  });
  return tokens;
}
