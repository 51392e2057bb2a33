import type { AgencySource } from '../../report/index.ts';

/** A name a report gives for its agency, and where. */
export interface AgencyCandidate {
  name: string;
  source: AgencySource;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when `full` is a fuller form of `short`: same last character, and every character of
 * the short form in it in order (「宁远市住房和城乡建设局」 for 「市住建局」, 「盐都区财政局」 for
 * 「区财政局」).
 */
function fullerForm(full: string, short: string): boolean {
  if (full.length <= short.length || short.length < 3 || full.at(-1) !== short.at(-1)) return false;
  let at = 0;
  for (const ch of short) {
    at = full.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * The official name of a vertically managed agency written before a local name the report
 * also uses (「国家税务总局宁远市东城区税务局」 for 「东城区税务局」).
 */
function officialPrefix(name: string, text: string): string | undefined {
  const m = new RegExp(`((?:国家|中国)[\\u4e00-\\u9fa5]{1,10}?(?:总局|总署|总公司|总队|局)[\\u4e00-\\u9fa5]{0,20}?)${escape(name)}`).exec(text);
  return m ? `${m[1]}${name}` : undefined;
}

/**
 * Chooses the agency name among the places a report states it, in order of trust (title,
 * signature, opening, the page's title). Only names the text contains count; where another
 * place gives a fuller form of the chosen name (the official name of an abbreviation), the
 * fuller name wins.
 */
export function chooseAgency(candidates: readonly AgencyCandidate[], text: string): AgencyCandidate | undefined {
  const squashed = text.replace(/\s+/g, '');
  const present = candidates.filter((c) => c.name.length >= 2 && squashed.includes(c.name));
  const first = present[0];
  if (!first) return undefined;
  const fuller = present.filter((c) => fullerForm(c.name, first.name)).sort((a, b) => b.name.length - a.name.length)[0];
  if (fuller) return fuller;
  const official = officialPrefix(first.name, squashed);
  return official ? { name: official, source: first.source } : first;
}
