import { labelKeyOfNormalized, normalizeText, toSimplified } from '../../format/index.ts';
import type { SourceLocation } from '../../report/index.ts';
import type { SourceDocument } from '../document.ts';

/**
 * A word of the document: label text, a number, or a blank cell (empty, or a mark such as
 * 「/」「—」「无」 standing where a number belongs).
 */
export interface Token {
  /** `cut`: a table cell the page edge cut off (PDF), whose content cannot be known. */
  kind: 'text' | 'num' | 'blank' | 'cut';
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

const DIGITS = /^\d{1,15}$/;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const BLANK_MARK = /^(?:[/\\—–\-_~…·－―]+|无|無|空|暂无|暫無)$/;
const PAGE_NUMBER = /^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$/;
/** Words that stand for a picture: image file names, CMS image ids, long hashes. */
const IMAGE_TOKEN = /^(?:[0-9a-f]{24,}|\d{11,}|.*\.(?:png|jpe?g|gif|bmp|webp)|\[图片.*\]?|\[image.*\]?)$/i;
const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/;

/** The whitespace-separated words of a text with their offsets. */
function words(text: string): [string, number][] {
  const out: [string, number][] = [];
  let at = 0;
  for (const word of text.split(SPACES)) {
    if (word === '') continue;
    at = text.indexOf(word, at);
    out.push([word, at]);
    at += word.length;
  }
  return out;
}

/** True for a line that only holds a page number (「-4-」, 「第4页 共6页」). */
export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER.test(text);
}

/** True for a word that stands for a picture (a table published as an image). */
export function isImageToken(raw: string): boolean {
  return IMAGE_TOKEN.test(raw);
}

/**
 * Words longer than this are running prose: no label or number is that long, so they enter
 * the label stream as one opaque character that no label can match across.
 */
const PROSE_WORD = 120;
export const PROSE_MARK = '\u0000';

function classify(raw: string, simplify: boolean): Pick<Token, 'kind' | 'norm' | 'value'> {
  if (raw.length > PROSE_WORD) return { kind: 'text', norm: PROSE_MARK, value: Number.NaN };
  if (DIGITS.test(raw)) return { kind: 'num', norm: raw, value: Number(raw) };
  let text = normalizeText(raw);
  if (isImageToken(text)) return { kind: 'text', norm: '', value: Number.NaN };
  if (NUMBER.test(text)) {
    const norm = text.replace(/,/g, '').replace(/^\+/, '');
    return { kind: 'num', norm, value: Number(norm) };
  }
  if (BLANK_MARK.test(text)) return { kind: 'blank', norm: text, value: Number.NaN };
  if (simplify) text = toSimplified(text);
  return { kind: 'text', norm: labelKeyOfNormalized(text), value: Number.NaN };
}

// Built field by field: object spread is the hot spot of tokenizing.
function at0(source: SourceLocation, column: number): SourceLocation {
  const out: SourceLocation = { column };
  if (source.file !== undefined) out.file = source.file;
  if (source.line !== undefined) out.line = source.line;
  if (source.page !== undefined) out.page = source.page;
  if (source.x !== undefined) out.x = source.x;
  if (source.y !== undefined) out.y = source.y;
  if (source.width !== undefined) out.width = source.width;
  if (source.height !== undefined) out.height = source.height;
  return out;
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
    for (const [cellIndex, part] of parts.entries()) {
      const base = line.cells ? line.text.indexOf(part, column) : 0;
      const where = line.cellSources?.[cellIndex] ?? line.source;
      const offset = base >= 0 ? base : column;
      let any = false;
      if (line.cut?.[cellIndex]) {
        tokens.push({ kind: 'cut', raw: '', norm: '', value: Number.NaN, line: index, lineEnd: false, source: at0(where, offset + 1) });
        column = offset;
        continue;
      }
      for (const [word, at] of words(part)) {
        any = true;
        const c = classify(word, simplify);
        if (c.kind === 'text' && c.norm === '' && !isImageToken(word)) continue;
        tokens.push({
          kind: c.kind,
          raw: word,
          norm: c.norm,
          value: c.value,
          line: index,
          lineEnd: false,
          source: at0(where, offset + at + 1),
        });
      }
      if (!any && line.cells) {
        tokens.push({
          kind: 'blank',
          raw: '',
          norm: '',
          value: Number.NaN,
          line: index,
          lineEnd: false,
          source: at0(where, offset + 1),
        });
      }
      column = offset + part.length;
    }
    const last = tokens[tokens.length - 1];
    if (tokens.length > start && last) last.lineEnd = true;
  });
  return tokens;
}
