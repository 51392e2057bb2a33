/**
 * How alike two section texts are, for the warning that a section repeats last year's (copy-paste
 * reports are named in official criticism).
 *
 * The measure: both texts are normalised (Unicode NFKC, so full-width and half-width forms are
 * one; lower case; every character that is not a letter or a digit dropped: spaces, line
 * breaks and punctuation do not make a text new), cut into overlapping character bigrams, and
 * compared by the Sørensen–Dice coefficient over the bigram multisets:
 * 2·|A∩B| / (|A|+|B|). Deterministic, symmetric, 1 for texts equal after normalisation, 0 for
 * texts without a bigram in common. Only the year's figures changed (「收到申请12件」 →
 * 「收到申请15件」) keeps a long text well above the threshold.
 */

/** At or above this similarity, a section is flagged as nearly the same as last year's. */
export const NEARLY_SAME = 0.9;

/** A text reduced to what the measure compares: NFKC, lower case, letters and digits only. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

/**
 * The Dice coefficient (0..1) of two texts' character bigrams after normalisation. Two texts
 * empty after normalisation are 0: there is nothing to call a repetition. A text of one
 * character is compared as itself (1 when equal, else 0).
 */
export function textSimilarity(a: string, b: string): number {
  const x = normaliseText(a);
  const y = normaliseText(b);
  if (!x || !y) return 0;
  if (Array.from(x).length < 2 || Array.from(y).length < 2) return x === y ? 1 : 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let common = 0;
  let total = 0;
  for (const [g, n] of gx) {
    common += Math.min(n, gy.get(g) ?? 0);
    total += n;
  }
  for (const n of gy.values()) total += n;
  return (2 * common) / total;
}

/** True when a text is nearly the same as another (similarity ≥ NEARLY_SAME). */
export function nearlySame(a: string, b: string): boolean {
  return textSimilarity(a, b) >= NEARLY_SAME;
}
