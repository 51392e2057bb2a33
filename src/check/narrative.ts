import { looksTraditional, normalizeText, toSimplified } from '../format/index.ts';
import type { Report, Section } from '../report/index.ts';

/**
 * The narrative of some sections in the form numbers are read from: compatibility-folded,
 * Simplified, without whitespace (「共 3 件」 → 「共3件」).
 */
export function narrative(report: Report, ids: readonly Section['id'][]): string {
  const text = report.sections
    .filter((s) => ids.includes(s.id))
    .map((s) => s.text)
    .join('\n');
  const folded = normalizeText(text).replace(/[ \t\u3000]+/g, '');
  return looksTraditional(folded) ? toSimplified(folded) : folded;
}

/** Splits narrative into clauses, so a number is read with the words of its own clause. */
export function clauses(text: string): string[] {
  return text.split(/[。；;\n，,]/).filter((c) => c !== '');
}
