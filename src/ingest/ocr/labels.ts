import { FORMATS, labelKey } from '../../format/index.ts';

/** A label of the standard's tables: its key (as labels are compared) and its text. */
interface Label {
  key: string;
  text: string;
}

let vocabulary: Label[] | undefined;

/** Every label the standard's tables print: titles, block captions, groups, rows and columns. */
function labels(): Label[] {
  if (vocabulary) return vocabulary;
  const texts = new Set<string>();
  for (const format of FORMATS)
    for (const table of format.tables) {
      texts.add(table.title);
      for (const block of table.blocks) {
        if (block.label) texts.add(block.label);
        for (const row of block.rows) {
          texts.add(row.label);
          texts.add(row.short);
          for (const g of row.groups) texts.add(g);
        }
        for (const column of block.columns) texts.add(column.label);
      }
    }
  const byKey = new Map<string, string>();
  for (const text of texts) {
    const key = labelKey(text);
    if ([...key].length >= 2 && !byKey.has(key)) byKey.set(key, text);
  }
  vocabulary = [...byKey].map(([key, text]) => ({ key, text }));
  return vocabulary;
}

/** Levenshtein distance of two strings of characters, given up beyond `limit`. */
function distance(a: readonly string[], b: readonly string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * A label cell's OCR text put right against the standard's labels: 「8.属于行政査询事顶」 is the
 * form's 「8.属于行政查询事项」 when it is within a quarter of its characters of that label and
 * nearer to it than to any other, and 「3 其他」 (a point read as a space, which would make the
 * 3 a value) is 「3.其他」; any other text (an agency's own words, a number) is kept.
 * Returns the label's text, or undefined when no label is near enough.
 */
export function snapLabel(text: string): string | undefined {
  const key = [...labelKey(text)];
  if (key.filter((c) => /\p{Script=Han}/u.test(c)).length < 2) return undefined;
  const joined = key.join('');
  let best: Label | undefined;
  let bestD = Infinity;
  let second = Infinity;
  for (const label of labels()) {
    if (label.key === joined) return label.text;
    const chars = [...label.key];
    const limit = Math.max(1, Math.floor(chars.length / 4));
    const d = distance(key, chars, limit);
    if (d > limit) continue;
    if (d < bestD) [second, bestD, best] = [bestD, d, label];
    else if (d < second) second = d;
  }
  return best && bestD < second ? best.text : undefined;
}
