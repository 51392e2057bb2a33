import { normalizeText, SECTIONS, toSimplified } from '../../format/index.ts';
import type { SourceDocument } from '../document.ts';

/** A section heading found in a document. */
export interface Heading {
  id: 1 | 2 | 3 | 4 | 5 | 6;
  /** The heading as written. */
  text: string;
  line: number;
  /** 0-based start and end columns in the line's raw text. */
  start: number;
  end: number;
  /** 0 for a Chinese ordinal, 1 for an Arabic one, 2 for none. */
  rank: number;
}

const NUMERALS = '一二三四五六';
// An ordinal heading: at line start, or inline after a sentence end (flattened pages).
const ORDINAL = /(^|[。；;！!？?|\s\u3000])[\s\u3000]*([一二三四五六1-6])[\s\u3000]*[、.．,，][\s\u3000]*/g;
const HEADING_END = /[\s\u3000。；;:：|]/;
const UNNUMBERED_MAX = 24;

function squash(text: string, simplify: boolean): string {
  const t = normalizeText(text).replace(/[\s\u3000]+/g, '');
  return simplify ? toSimplified(t) : t;
}

/**
 * Kangxi radicals folded to the ideographs they stand for, one character for one: PDF fonts
 * map 「一」「二」 to 「⼀」「⼆」, and columns must stay those of the line.
 */
const KANGXI = /[\u2f00-\u2fdf]/g;
const foldKangxi = (text: string) => text.replace(KANGXI, (c) => c.normalize('NFKC'));

function candidates(doc: SourceDocument, simplify: boolean): Heading[] {
  const found: Heading[] = [];
  doc.lines.forEach((line, index) => {
    const raw = foldKangxi(line.text);
    for (const m of raw.matchAll(ORDINAL)) {
      const numeral = m[2] as string;
      const arabic = /\d/.test(numeral);
      const id = (arabic ? Number(numeral) : NUMERALS.indexOf(numeral) + 1) as Heading['id'];
      const start = (m.index ?? 0) + (m[1] as string).length;
      if (arabic && start > 0) continue; // Arabic ordinals count only at line start
      const bodyStart = (m.index ?? 0) + m[0].length;
      const spec = SECTIONS[id - 1];
      if (!spec?.pattern.test(squash(raw.slice(bodyStart, bodyStart + 80), simplify))) continue;
      const rest = raw.slice(bodyStart);
      const stop = start === 0 && raw.trim().length <= 40 ? -1 : rest.search(HEADING_END);
      const end = stop < 0 ? raw.length : bodyStart + stop;
      found.push({ id, text: raw.slice(start, end).trim(), line: index, start, end, rank: arabic ? 1 : 0 });
    }
    const whole = squash(raw, simplify);
    if (whole.length > 0 && whole.length <= UNNUMBERED_MAX && !found.some((h) => h.line === index)) {
      const spec = SECTIONS.find((s) => whole === s.heading.slice(2) || (s.pattern.test(whole) && whole.endsWith('情况')));
      if (spec && (spec.id !== 3 || whole.startsWith('收到'))) {
        found.push({ id: spec.id, text: raw.trim(), line: index, start: raw.search(/\S/), end: raw.length, rank: 2 });
      }
    }
  });
  return found;
}

/**
 * Finds the six section headings in reading order. Chinese ordinals win over Arabic ones;
 * a section that cannot be found is skipped and the search goes on for the next.
 */
export function findHeadings(doc: SourceDocument, simplify: boolean): Heading[] {
  const all = candidates(doc, simplify);
  const chosen: Heading[] = [];
  let at = { line: -1, col: -1 };
  for (const spec of SECTIONS) {
    const after = all.filter((h) => h.id === spec.id && (h.line > at.line || (h.line === at.line && h.start > at.col)));
    const best = Math.min(...after.map((h) => h.rank));
    const next = after.find((h) => h.rank === best);
    if (next) {
      chosen.push(next);
      at = { line: next.line, col: next.start };
    }
  }
  return chosen;
}
