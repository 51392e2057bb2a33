import { XMLParser } from 'fast-xml-parser';

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 21 → 二十一 (numbering of headings in Chinese documents). */
export function chineseNumber(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseNumber(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + n);
    case 'upperLetter':
      return String.fromCharCode(64 + n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

interface Level {
  fmt: string;
  text: string;
  start: number;
}

/** Word's automatic paragraph numbering (numbering.xml), rendered as the reader sees it. */
export class Numbering {
  private readonly levels = new Map<string, Level[]>();
  private readonly counters = new Map<string, number[]>();

  constructor(xml?: string) {
    if (!xml) return;
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['w:abstractNum', 'w:num', 'w:lvl'].includes(name),
    });
    const doc = parser.parse(xml)?.['w:numbering'] ?? {};
    const abstract = new Map<string, Level[]>();
    for (const a of doc['w:abstractNum'] ?? []) {
      const levels: Level[] = [];
      for (const lvl of a['w:lvl'] ?? []) {
        levels[Number(lvl['w:ilvl'] ?? 0)] = {
          fmt: lvl['w:numFmt']?.['w:val'] ?? 'decimal',
          text: lvl['w:lvlText']?.['w:val'] ?? '',
          start: Number(lvl['w:start']?.['w:val'] ?? 1),
        };
      }
      abstract.set(String(a['w:abstractNumId']), levels);
    }
    for (const num of doc['w:num'] ?? []) {
      const levels = abstract.get(String(num['w:abstractNumId']?.['w:val']));
      if (levels) this.levels.set(String(num['w:numId']), levels);
    }
  }

  /** The number text of the next paragraph of a list at a level, e.g. 「二、」. */
  next(numId: string, ilvl: number): string {
    const levels = this.levels.get(numId);
    const level = levels?.[ilvl];
    if (!levels || !level) return '';
    const counts = this.counters.get(numId) ?? [];
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return format(counts[i] ?? levels[i]?.start ?? 1, levels[i]?.fmt ?? 'decimal');
    });
  }
}
