import type { Token } from './tokens.ts';

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
    if (at < 0) return undefined;
    return { at, length, start: this.tokenAt(at), end: this.tokenAt(at + length - 1) };
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
