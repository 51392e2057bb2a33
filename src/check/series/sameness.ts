import { looksTraditional, toSimplified } from '../../format/index.ts';

/**
 * Text sameness of report sections, the measure behind `narrative-copied`.
 *
 * Normalisation: each character is compatibility-folded (NFKC; Traditional text is first
 * converted to Simplified), whitespace, punctuation and symbols are dropped, Latin letters are
 * lower-cased, and every run of Arabic digits (with the separators inside it) becomes one `#`,
 * so a text copied with new figures still matches. The folded text is cut into overlapping
 * shingles of SHINGLE characters, each hashed (FNV-1a, 32 bits).
 *
 * Score of a text against another: the share of its shingle positions whose shingle occurs
 * anywhere in the other (containment, 0–1; 1 = every passage is also in the other text).
 * Repeated passages: maximal runs of consecutive matching shingles, shown in the original
 * wording, longest first, at least PASSAGE_MIN folded characters each.
 */
export const SHINGLE = 8;
/** A section scoring at least this against another is reported as copied. */
export const COPIED_THRESHOLD = 0.8;
/** Sections shorter than this (folded characters) are not judged: 「无」 or one stock sentence says nothing. */
export const MIN_FOLDED = 60;
/** The shortest repeated passage shown (folded characters). */
export const PASSAGE_MIN = 16;

/** A text prepared for comparison. */
export interface Fingerprint {
  text: string;
  /** The folded text. */
  folded: string;
  /** For each folded character, the index of the original character it came from. */
  offsets: number[];
  /** The hash of the shingle starting at each folded position. */
  hashes: Uint32Array;
  set: Set<number>;
}

const DROP = /[\s\p{P}\p{S}]/u;
const DIGIT = /[0-9]/;

function fold(text: string): { folded: string; offsets: number[] } {
  const out: string[] = [];
  const offsets: number[] = [];
  let inNumber = false;
  let i = 0;
  for (const ch of text) {
    const at = i;
    i += ch.length;
    for (const c of ch.normalize('NFKC').toLowerCase()) {
      if (DIGIT.test(c) || (inNumber && (c === '.' || c === ',') && DIGIT.test(text[i] ?? ''))) {
        if (!inNumber) {
          out.push('#');
          offsets.push(at);
        }
        inNumber = true;
        continue;
      }
      if (DROP.test(c)) continue;
      inNumber = false;
      out.push(c);
      offsets.push(at);
    }
  }
  return { folded: out.join(''), offsets };
}

function hash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Prepares a text: folded, shingled, hashed. */
export function fingerprint(text: string): Fingerprint {
  const simplified = looksTraditional(text) ? toSimplified(text) : text;
  const { folded, offsets } = fold(simplified);
  const n = Math.max(0, folded.length - SHINGLE + 1);
  const hashes = new Uint32Array(n);
  for (let p = 0; p < n; p++) hashes[p] = hash(folded, p, p + SHINGLE);
  return { text: simplified, folded, offsets, hashes, set: new Set(hashes) };
}

/** A passage of a text also found in another. */
export interface Passage {
  /** The passage in the text's own wording. */
  text: string;
  /** Its length in folded characters. */
  length: number;
}

/** How much of one text is found in another. */
export interface Sameness {
  /** Containment, 0–1, rounded to three decimals. */
  score: number;
  /** True when the text is long enough to be judged (MIN_FOLDED). */
  judged: boolean;
  passages: Passage[];
}

/** The sameness of `text` against `other`: its score and the passages repeated from it. */
export function sameness(text: Fingerprint, other: Fingerprint, maxPassages = 5): Sameness {
  const n = text.hashes.length;
  const judged = text.folded.length >= MIN_FOLDED;
  if (n === 0) return { score: 0, judged, passages: [] };
  let hits = 0;
  const runs: [number, number][] = [];
  let start = -1;
  for (let p = 0; p <= n; p++) {
    const hit = p < n && other.set.has(text.hashes[p] as number);
    if (hit) {
      hits++;
      if (start < 0) start = p;
    } else if (start >= 0) {
      runs.push([start, p - 1]);
      start = -1;
    }
  }
  const passages = runs
    .map(([from, to]) => ({ from, length: to - from + SHINGLE }))
    .filter((r) => r.length >= PASSAGE_MIN)
    .sort((a, b) => b.length - a.length || a.from - b.from)
    .slice(0, maxPassages)
    .map((r) => {
      const begin = text.offsets[r.from] as number;
      const last = text.offsets[r.from + r.length - 1] as number;
      // Through the end of the last character (a surrogate pair is two code units).
      const end = last + ((text.text.codePointAt(last) as number) > 0xffff ? 2 : 1);
      return { text: text.text.slice(begin, end), length: r.length };
    });
  return { score: Math.round((hits / n) * 1000) / 1000, judged, passages };
}
