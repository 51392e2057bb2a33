import { createRequire } from 'node:module';

type Convert = (text: string) => string;
let toSimplifiedConverter: Convert | undefined;

/** Converts Traditional Chinese to Simplified (OpenCC tables, loaded on first use). */
export function toSimplified(text: string): string {
  if (!toSimplifiedConverter) {
    const require = createRequire(import.meta.url);
    const opencc = require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): Convert };
    toSimplifiedConverter = opencc.Converter({ from: 't', to: 'cn' });
  }
  return toSimplifiedConverter(text);
}

// Characters that are frequent in report prose and exist only in the Traditional script.
const TRADITIONAL_HINTS = /[國與為這個們會時對開關問題點體區務資報條達說經過還發門應辦訊實際總規書條處]/g;

/** True when a text is mostly written in Traditional characters (mirror sites convert pages). */
export function looksTraditional(text: string): boolean {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const hits = sample.match(TRADITIONAL_HINTS)?.length ?? 0;
  return hits >= 8 && hits * 200 >= Math.min(sample.length, 4000);
}

// Pinyin ruby that mirror sites insert after characters: 根據(jù), 國務(wù)院.
const PINYIN_RUBY = /(?<=[\u3400-\u9fff])\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*|[a-z]{1,6}\d)\)/gu;

// CJK radical-supplement forms that PDF fonts map glyphs to instead of the ideograph
// (NFKC folds the Kangxi radicals, not these).
const RADICALS: Record<string, string> = {
  '⺠': '民',
  '⻓': '长',
  '⻔': '门',
  '⻅': '见',
  '⻉': '贝',
  '⻋': '车',
  '⻘': '青',
  '⻢': '马',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻚': '页',
  '⻄': '西',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻬': '齐',
  '⻮': '齿',
  '⻯': '龙',
  '⻳': '龟',
  '⺟': '母',
  '⺁': '厂',
  '⺇': '几',
  '⺌': '小',
  '⺍': '小',
  '⺕': '彐',
  '⺝': '月',
  '⺮': '竹',
  '⺶': '羊',
  '⺸': '羊',
  '⻊': '足',
  '⻌': '辶',
  '⻍': '辶',
  '⻎': '辶',
  '⻏': '阝',
  '⻖': '阝',
  '⻗': '雨',
  '⻙': '韦',
  '⻟': '饣',
  '⺐': '尢',
  '⺳': '网',
  '⺴': '罒',
  '⺻': '聿',
  '⻆': '角',
  '⻈': '讠',
  '⻑': '長',
  '⻒': '镸',
};
const RADICAL = /[\u2e80-\u2eff]/;
const RADICALS_ALL = /[\u2e80-\u2eff]/g;

/**
 * Unicode compatibility folding (fullwidth → halfwidth, Kangxi radicals → ideographs), radical
 * forms PDF fonts produce, and removal of inserted pinyin.
 */
export function normalizeText(text: string): string {
  let folded = text.normalize('NFKC');
  if (RADICAL.test(folded)) folded = folded.replace(RADICALS_ALL, (c) => RADICALS[c] ?? c);
  return folded.includes('(') ? folded.replace(PINYIN_RUBY, '') : folded;
}

// Everything that is not a letter, digit or CJK character is dropped from label keys.
const NON_LABEL = /[^\p{L}\p{N}]+/gu;

/**
 * The form labels are compared in: compatibility-folded, without pinyin, whitespace or
 * punctuation; 「（二）部分公开」 and 「(二) 部分公开」 both become 「二部分公开」.
 */
export function labelKey(text: string): string {
  return labelKeyOfNormalized(normalizeText(text));
}

/** `labelKey` of a text already passed through `normalizeText`. */
export function labelKeyOfNormalized(text: string): string {
  const key = text.replace(NON_LABEL, '');
  return HAS_LATIN.test(key) ? key.replace(HASH_LIKE, '') : key;
}

const HAS_LATIN = /[A-Za-z]{2}/;
// Bookmark ids and other machine tokens word processors leave in cells.
const HASH_LIKE = /[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*\d[A-Za-z0-9_]{6,}|[A-Za-z]{6,}/g;
