/** One step of a text diff. */
export interface DiffPart {
  /**
   * `same`: in both years; `figures`: the same sentence with other numbers; `removed`: only in
   * last year's text; `added`: only in this year's.
   */
  kind: 'same' | 'figures' | 'removed' | 'added';
  text: string;
  /** Last year's wording of a `figures` sentence. */
  before?: string;
}

/** Splits a text into sentences (ending in 。！？；, or a line end), each kept with its mark. */
export function sentences(text: string): string[] {
  return (text.match(/[^。！？；!?;\n]+[。！？；!?;]*|[。！？；!?;]+/g) ?? []).map((s) => s.trim()).filter((s) => s !== '');
}

const fold = (s: string) => s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
const masked = (s: string) => fold(s).replace(/[0-9]+(?:[.,][0-9]+)*/g, '#');

/**
 * Sentence-level diff of last year's text and this year's (longest common subsequence of
 * sentences compared without whitespace and punctuation, numbers masked; a matched sentence
 * whose numbers differ is `figures`).
 */
export function diffText(before: string, after: string): DiffPart[] {
  const a = sentences(before);
  const b = sentences(after);
  const ka = a.map(masked);
  const kb = b.map(masked);
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = ka[i] === kb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ka[i] === kb[j]) {
      const same = fold(a[i]!) === fold(b[j]!);
      out.push(same ? { kind: 'same', text: b[j]! } : { kind: 'figures', text: b[j]!, before: a[i]! });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ kind: 'removed', text: a[i++]! });
    else out.push({ kind: 'added', text: b[j++]! });
  }
  return out;
}
