import { looksTraditional, normalizeText, toSimplified } from '../../format/index.ts';

/**
 * The level an agency reports at: a people's government publishes by 31 March, a department
 * (any other agency) by 31 January (《条例》第四十九条).
 */
export type AgencyLevel = 'government' | 'department';

/** The levels in Chinese, for messages and sheets. */
export const LEVEL_NAMES: Record<AgencyLevel, string> = { government: '人民政府', department: '部门' };

// Whitespace, punctuation and symbols: 「东湖区 人民政府（办公室）」 and 「东湖区人民政府办公室」 are one name.
const NOISE = /[\s\p{P}\p{S}]/gu;

/**
 * The identity of an agency across reports and years: its name compatibility-folded (NFKC),
 * in Simplified characters, without whitespace, punctuation or symbols. Null when the report
 * names no agency (such a report is never paired).
 */
export function agencyKey(name: string | null | undefined): string | null {
  if (!name) return null;
  let folded = normalizeText(name).replace(NOISE, '');
  if (looksTraditional(folded) || /[國區縣鎮務辦廳門開與]/.test(folded)) folded = toSimplified(folded);
  return folded === '' ? null : folded;
}

/**
 * The level inferred from an agency's name: a name ending in 人民政府 or 政府, or naming its
 * 政府办公室/办公厅 (which publishes the government's report), is a government; any other name
 * is a department. Callers let the user override it.
 */
export function agencyLevel(name: string | null | undefined): AgencyLevel {
  const key = agencyKey(name) ?? '';
  return /(?:人民政府|政府)(?:办公室|办公厅)?$/.test(key) ? 'government' : 'department';
}
