import type { Token } from './tokens.ts';

/** Patterns at least this long may be matched with up to GAP stray characters between theirs. */
const GAPPED_MIN = 5;
const GAP = 4;

/**
 * The label text of a token list run together, so that labels wrapped over lines or cells
 * (「自然\n人」) can be found, with a map back to the tokens. Numbers and blanks do not enter
 * the stream: a label broken by values (as PDF rows with tall cells are) is still found.
 */
export class LabelStream {
  readonly text: string;
  /** Stream offset at which each token starts (for numbers: where they would). */
  private readonly tokenStart: Int32Array;
  /** Token index of each stream offset. */
  private readonly owner: Int32Array;

  constructor(readonly tokens: readonly Token[]) {
    const parts: string[] = [];
    this.tokenStart = new Int32Array(tokens.length + 1);
    let length = 0;
    tokens.forEach((t, i) => {
      this.tokenStart[i] = length;
      if (t.kind === 'text') {
        parts.push(t.norm);
        length += t.norm.length;
      }
    });
    this.tokenStart[tokens.length] = length;
    this.text = parts.join('');
    this.owner = new Int32Array(length);
    tokens.forEach((t, i) => {
      if (t.kind === 'text') this.owner.fill(i, this.tokenStart[i] as number, (this.tokenStart[i] as number) + t.norm.length);
    });
  }

  /** Stream offset of a token index (tokens.length → end of stream). */
  offsetOf(token: number): number {
    return this.tokenStart[Math.max(0, Math.min(token, this.tokens.length))] as number;
  }

  /** Token index holding a stream offset. */
  tokenAt(offset: number): number {
    return this.owner[offset] as number;
  }

  /**
   * Earliest occurrence of any pattern between two stream offsets, skipping occurrences in
   * tokens longer than `maxToken`: the offset where it starts, its length, and the tokens
   * where it starts and ends.
   */
  find(patterns: readonly string[], from: number, to: number, maxToken = Number.POSITIVE_INFINITY): StreamMatch | undefined {
    let at = -1;
    let length = 0;
    for (const pattern of patterns) {
      let i = this.text.indexOf(pattern, from);
      // A label inside a long run of prose is not a table label.
      while (i >= 0 && this.tokens[this.tokenAt(i)]!.norm.length > maxToken) i = this.text.indexOf(pattern, i + 1);
      if (i < 0 || i + pattern.length > to) continue;
      if (at < 0 || i < at) {
        at = i;
        length = pattern.length;
      }
    }
    if (at < 0) return this.findGapped(patterns, from, to, maxToken);
    return { at, length, start: this.tokenAt(at), end: this.tokenAt(at + length - 1) };
  }

  /**
   * The earliest long pattern with a few stray characters between any two of its characters:
   * fragments of a neighbouring merged cell that a page layout interleaved into a wrapped
   * label (「4.无正当理由大量反复」「理」「申请」, 「逾」「其他处」「期不补正」).
   */
  private findGapped(patterns: readonly string[], from: number, to: number, maxToken: number): StreamMatch | undefined {
    let best: StreamMatch | undefined;
    for (const pattern of patterns.filter((p) => p.length >= GAPPED_MIN)) {
      const re = new RegExp(Array.from(pattern, (c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(`[^\\u0000]{0,${GAP}}?`), 'g');
      re.lastIndex = from;
      for (let m = re.exec(this.text); m && m.index + m[0].length <= to; m = re.exec(this.text)) {
        if (this.tokens[this.tokenAt(m.index)]!.norm.length > maxToken) continue;
        if (!best || m.index < best.at)
          best = { at: m.index, length: m[0].length, start: this.tokenAt(m.index), end: this.tokenAt(m.index + m[0].length - 1) };
        break;
      }
    }
    return best;
  }
}

/** Where a label was found in a label stream. */
export interface StreamMatch {
  at: number;
  length: number;
  /** Token indices of the first and last character. */
  start: number;
  end: number;
}
