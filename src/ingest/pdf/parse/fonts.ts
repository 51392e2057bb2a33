import { CMap, parseCMap } from './cmap.ts';
import { PdfDict, PdfName, type PdfObject, PdfStream, PdfSyntaxError } from './objects.ts';
import type { PdfFile } from './pdf-file.ts';

/** One shown glyph: its text and advance (in thousandths of the font size). */
export interface Glyph {
  text: string;
  width: number;
  /** A single-byte code 32, to which word spacing applies. */
  space: boolean;
}

/** What the interpreter needs of a font: strings → glyphs. */
export interface PdfFont {
  vertical: boolean;
  decode(bytes: Uint8Array): Glyph[];
}

/** A font whose codes cannot be turned into text without its glyph programs. */
export class PdfFontUnsupported extends PdfSyntaxError {}

// Names of glyphs outside uniXXXX form that simple fonts' /Differences use for text.
const GLYPH_NAMES: Record<string, string> = {
  space: ' ',
  exclam: '!',
  quotedbl: '"',
  numbersign: '#',
  dollar: '$',
  percent: '%',
  ampersand: '&',
  quotesingle: "'",
  parenleft: '(',
  parenright: ')',
  asterisk: '*',
  plus: '+',
  comma: ',',
  hyphen: '-',
  period: '.',
  slash: '/',
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  colon: ':',
  semicolon: ';',
  less: '<',
  equal: '=',
  greater: '>',
  question: '?',
  at: '@',
  bracketleft: '[',
  backslash: '\\',
  bracketright: ']',
  asciicircum: '^',
  underscore: '_',
  grave: '`',
  braceleft: '{',
  bar: '|',
  braceright: '}',
  asciitilde: '~',
  quoteleft: '\u2018',
  quoteright: '\u2019',
  quotedblleft: '\u201c',
  quotedblright: '\u201d',
  endash: '\u2013',
  emdash: '\u2014',
  bullet: '\u2022',
  ellipsis: '\u2026',
  periodcentered: '\u00b7',
  degree: '\u00b0',
  multiply: '\u00d7',
  divide: '\u00f7',
  minus: '\u2212',
  nbspace: '\u00a0',
  fi: 'fi',
  fl: 'fl',
  yen: '\u00a5',
  section: '\u00a7',
  copyright: '\u00a9',
  registered: '\u00ae',
  plusminus: '\u00b1',
  percentsign: '%',
};

function glyphText(name: string): string | undefined {
  if (name.length === 1) return name;
  const known = GLYPH_NAMES[name];
  if (known !== undefined) return known;
  const uni = /^uni([0-9A-Fa-f]{4})+$/.exec(name);
  if (uni) return name.slice(3).replace(/[0-9A-Fa-f]{4}/g, (h) => String.fromCharCode(parseInt(h, 16)));
  const u = /^u([0-9A-Fa-f]{4,6})$/.exec(name);
  if (u) return String.fromCodePoint(parseInt(u[1] as string, 16));
  const base = name.split(/[._]/)[0] as string;
  return base !== name ? glyphText(base) : undefined;
}

const WIN_ANSI = new TextDecoder('windows-1252');
const GB18030 = new TextDecoder('gb18030');
const MAC_ROMAN = new TextDecoder('macintosh');

function baseEncoding(name: string | undefined, code: number): string {
  if (name === 'MacRomanEncoding') return MAC_ROMAN.decode(Uint8Array.of(code));
  if (code < 32) return '';
  return WIN_ANSI.decode(Uint8Array.of(code));
}

function numbers(file: PdfFile, o: PdfObject | undefined): number[] | undefined {
  const v = file.resolve(o);
  return Array.isArray(v) ? v.map((x) => file.resolve(x)).map((x) => (typeof x === 'number' ? x : 0)) : undefined;
}

function toUnicodeOf(file: PdfFile, dict: PdfDict): CMap | undefined {
  const tu = file.resolve(dict.get('ToUnicode'));
  if (!(tu instanceof PdfStream)) return undefined;
  const data = file.streamData(tu);
  return data ? parseCMap(data) : undefined;
}

/** Approximate advance for the standard 14 fonts when a file gives no widths. */
function standardWidth(baseFont: string, text: string): number {
  if (/courier/i.test(baseFont)) return 600;
  if (text === ' ') return 250;
  return 500;
}

function simpleFont(file: PdfFile, dict: PdfDict, type3: boolean): PdfFont {
  const toUnicode = toUnicodeOf(file, dict);
  const first = file.resolve(dict.get('FirstChar'));
  const firstChar = typeof first === 'number' ? first : 0;
  const widths = numbers(file, dict.get('Widths'));
  const descriptor = file.dictOf(dict.get('FontDescriptor'));
  const missing = file.resolve(descriptor?.get('MissingWidth'));
  const baseFont = (file.resolve(dict.get('BaseFont')) as PdfName | undefined)?.name ?? '';
  const matrix = type3 ? (numbers(file, dict.get('FontMatrix')) ?? [0.001]) : [0.001];
  const scale = (matrix[0] ?? 0.001) * 1000;
  const enc = file.resolve(dict.get('Encoding'));
  let base: string | undefined;
  const differences = new Map<number, string>();
  if (enc instanceof PdfName) base = enc.name;
  else if (enc instanceof PdfDict) {
    const b = file.resolve(enc.get('BaseEncoding'));
    if (b instanceof PdfName) base = b.name;
    const diffs = file.resolve(enc.get('Differences'));
    if (Array.isArray(diffs)) {
      let code = 0;
      for (const d of diffs) {
        const v = file.resolve(d);
        if (typeof v === 'number') code = v;
        else if (v instanceof PdfName) differences.set(code++, v.name);
      }
    }
  }
  const cache = new Map<number, Glyph>();
  const glyph = (code: number): Glyph => {
    let g = cache.get(code);
    if (g) return g;
    let text = toUnicode?.unicode.get(code);
    if (text === undefined) {
      const name = differences.get(code);
      text = name !== undefined ? (glyphText(name) ?? '') : type3 ? '' : baseEncoding(base, code);
    }
    const w = widths?.[code - firstChar];
    const width =
      w !== undefined && code >= firstChar ? w * scale : typeof missing === 'number' && missing > 0 ? missing : standardWidth(baseFont, text);
    g = { text, width, space: code === 32 };
    cache.set(code, g);
    return g;
  };
  return {
    vertical: false,
    decode: (bytes) => Array.from(bytes, glyph),
  };
}

function compositeFont(file: PdfFile, dict: PdfDict): PdfFont {
  const toUnicode = toUnicodeOf(file, dict);
  const descendants = file.resolve(dict.get('DescendantFonts'));
  const cidFont = file.dictOf(Array.isArray(descendants) ? descendants[0] : undefined) ?? new PdfDict();
  const enc = file.resolve(dict.get('Encoding'));
  let cmap: CMap;
  let vertical = false;
  let textOf: ((code: number, length: number) => string) | undefined;
  let halfWidthAscii = false;
  if (enc instanceof PdfName) {
    vertical = enc.name.endsWith('-V');
    cmap = new CMap();
    if (/^Identity-[HV]$/.test(enc.name)) {
      cmap.usesIdentity = true;
      cmap.spaces.push({ lo: Uint8Array.of(0, 0), hi: Uint8Array.of(255, 255) });
    } else if (/^UniGB-(?:UCS2|UTF16)-[HV]$/.test(enc.name) && toUnicode) {
      // Codes are UTF-16 units; only the text is needed, widths come from /DW.
      cmap.spaces.push({ lo: Uint8Array.of(0, 0), hi: Uint8Array.of(255, 255) });
    } else if (/^UniGB-(?:UCS2|UTF16)-[HV]$/.test(enc.name)) {
      cmap.spaces.push({ lo: Uint8Array.of(0, 0), hi: Uint8Array.of(255, 255) });
      textOf = (code) => String.fromCharCode(code);
    } else if (/^GB(?:K2K|Kp|K|pc|T)?-EUC-[HV]$|^GBK2K-[HV]$/.test(enc.name)) {
      // Chinese multi-byte encodings of older files (non-embedded 宋体): the codes are GBK /
      // GB 18030 bytes, so the text comes from the bytes; ASCII codes are half width.
      cmap.spaces.push({ lo: Uint8Array.of(0), hi: Uint8Array.of(0x80) });
      cmap.spaces.push({ lo: Uint8Array.of(0x81, 0x30, 0x81, 0x30), hi: Uint8Array.of(0xfe, 0x39, 0xfe, 0x39) });
      cmap.spaces.push({ lo: Uint8Array.of(0x81, 0x40), hi: Uint8Array.of(0xfe, 0xfe) });
      textOf = (code, length) => {
        const bytes = Array.from({ length }, (_, k) => (code >>> (8 * (length - 1 - k))) & 255);
        return GB18030.decode(Uint8Array.from(bytes));
      };
      halfWidthAscii = true;
    } else throw new PdfFontUnsupported(`predefined CMap ${enc.name}`);
  } else if (enc instanceof PdfStream) {
    const data = file.streamData(enc);
    if (!data) throw new PdfFontUnsupported('unreadable CMap');
    cmap = parseCMap(data);
    const wmode = file.resolve(enc.dict.get('WMode'));
    vertical = wmode === 1;
  } else throw new PdfFontUnsupported('composite font without encoding');
  if (!toUnicode && !textOf) {
    const info = file.dictOf(cidFont.get('CIDSystemInfo'));
    const ordering = file.resolve(info?.get('Ordering'));
    if (!(ordering instanceof Uint8Array)) throw new PdfFontUnsupported('no ToUnicode');
    const o = new TextDecoder('latin1').decode(ordering);
    if (o === 'UCS' || o === 'Identity') throw new PdfFontUnsupported(`no ToUnicode (${o})`);
    throw new PdfFontUnsupported(`no ToUnicode (Adobe-${o})`);
  }
  const dwRaw = file.resolve(cidFont.get('DW'));
  const dw = typeof dwRaw === 'number' ? dwRaw : 1000;
  const widths = new Map<number, number>();
  const ranges: [number, number, number][] = [];
  const w = file.resolve(cidFont.get('W'));
  if (Array.isArray(w)) {
    for (let i = 0; i < w.length;) {
      const start = file.resolve(w[i]);
      const next = file.resolve(w[i + 1]);
      if (typeof start !== 'number') break;
      if (Array.isArray(next)) {
        next.forEach((x, k) => {
          const v = file.resolve(x);
          if (typeof v === 'number') widths.set(start + k, v);
        });
        i += 2;
      } else {
        const last = next;
        const v = file.resolve(w[i + 2]);
        if (typeof last === 'number' && typeof v === 'number') ranges.push([start, last, v]);
        i += 3;
      }
    }
  }
  const widthOf = (cid: number) => {
    const direct = widths.get(cid);
    if (direct !== undefined) return direct;
    for (const [a, b, v] of ranges) if (cid >= a && cid <= b) return v;
    return dw;
  };
  const cache = new Map<number, Glyph>();
  return {
    vertical,
    decode: (bytes) =>
      cmap.codes(bytes).map(({ code, length }) => {
        const key = code * 4 + length;
        let g = cache.get(key);
        if (!g) {
          const text = toUnicode?.unicode.get(code) ?? textOf?.(code, length) ?? '';
          const width = vertical ? 1000 : halfWidthAscii ? (length === 1 ? 500 : dw) : widthOf(cmap.cid(code));
          g = { text, width, space: length === 1 && code === 32 };
          cache.set(key, g);
        }
        return g;
      }),
  };
}

/** Builds a font from its dictionary. Throws PdfFontUnsupported where text cannot be had. */
export function loadFont(file: PdfFile, dict: PdfDict): PdfFont {
  const subtype = file.resolve(dict.get('Subtype'));
  const name = subtype instanceof PdfName ? subtype.name : 'Type1';
  if (name === 'Type0') return compositeFont(file, dict);
  return simpleFont(file, dict, name === 'Type3');
}
