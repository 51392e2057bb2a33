import { APPLICANT_COLUMNS, APPLICANT_PARTS, FORMAT_2021, getTable, isLeafOutcome, labelKey } from '../format/index.ts';

export type ApplicantKind = (typeof APPLICANT_PARTS)[number];

/** How an application reached the agency (条例 art. 31 sets the receipt day per channel). */
export const CHANNELS = {
  in_person: '当面提交',
  registered_mail: '邮寄（挂号信、快递）',
  ordinary_mail: '邮寄（平信）',
  online: '网络',
  fax: '传真',
  other: '其他',
} as const;
export type Channel = keyof typeof CHANNELS;

const CHANNEL_WORDS: Record<string, Channel> = {
  当面: 'in_person',
  当面提交: 'in_person',
  现场: 'in_person',
  挂号信: 'registered_mail',
  快递: 'registered_mail',
  邮寄挂号: 'registered_mail',
  EMS: 'registered_mail',
  平信: 'ordinary_mail',
  邮寄平信: 'ordinary_mail',
  网络: 'online',
  网上: 'online',
  在线: 'online',
  电子邮件: 'online',
  传真: 'fax',
  其他: 'other',
};

/** The applicant kinds of table B's columns (总计 excepted), by key, with their labels. */
export const APPLICANT_KINDS: Record<ApplicantKind, string> = Object.fromEntries(
  APPLICANT_COLUMNS.filter((c) => c.key !== 'total').map((c) => [c.key, c.key === 'other_org' ? '其他（法人或其他组织）' : c.label]),
) as Record<ApplicantKind, string>;

/** The outcome keys: exactly the leaf rows of table B (2021 edition). */
export const OUTCOMES: readonly string[] = (getTable(FORMAT_2021, 'b').blocks[0]?.rows ?? []).filter((r) => isLeafOutcome(r.key)).map((r) => r.key);

/** The standard's short label of an outcome key. */
export function outcomeLabel(key: string): string {
  return getTable(FORMAT_2021, 'b').blocks[0]?.rows.find((r) => r.key === key)?.short ?? key;
}

/** An applicant kind from its Chinese label (「自然人」「商业企业」…, 「其他」 for other organisations). */
export function parseApplicantKind(text: string): ApplicantKind | undefined {
  const t = labelKey(text);
  if (t === '个人' || t === '公民') return 'natural';
  for (const [key, label] of Object.entries(APPLICANT_KINDS)) if (labelKey(label) === t || labelKey(label).startsWith(t)) return key as ApplicantKind;
  return (APPLICANT_PARTS as readonly string[]).includes(text) ? (text as ApplicantKind) : undefined;
}

/** A channel from its Chinese name or key. */
export function parseChannel(text: string): Channel | undefined {
  const t = text.trim();
  return CHANNEL_WORDS[t] ?? CHANNEL_WORDS[labelKey(t)] ?? (t in CHANNELS ? (t as Channel) : undefined);
}

/**
 * An outcome key from the wording staff use: the standard row label, its short form, or its
 * group and item (「不予公开-保护第三方合法权益」, 「（三）4」).
 */
export function parseOutcome(text: string): string | undefined {
  if (OUTCOMES.includes(text)) return text;
  const rows = (getTable(FORMAT_2021, 'b').blocks[0]?.rows ?? []).filter((r) => isLeafOutcome(r.key));
  const t = labelKey(text);
  if (t === '') return undefined;
  const exact = rows.find((r) => labelKey(r.label) === t || labelKey(r.short) === t);
  if (exact) return exact.key;
  const tail = rows.filter((r) => t.endsWith(labelKey(r.label).replace(/^\d/, '')) || r.match.some((m) => m.length >= 4 && t.includes(m)));
  return tail.length === 1 ? tail[0]?.key : undefined;
}
