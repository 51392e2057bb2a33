/**
 * PDF objects (ISO 32000-1 §7.3) and a lexer over bytes. Strings stay bytes: their meaning
 * depends on the font that shows them.
 */

/** A name object (`/Font`). Interned, so names compare with `===`. */
export class PdfName {
  private static readonly table = new Map<string, PdfName>();
  private constructor(readonly name: string) {}
  static of(name: string): PdfName {
    let n = PdfName.table.get(name);
    if (!n) {
      n = new PdfName(name);
      PdfName.table.set(name, n);
    }
    return n;
  }
}

/** An indirect reference (`12 0 R`). */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A content-stream operator (`Tj`, `re`, …). */
export class PdfOp {
  constructor(readonly op: string) {}
}

/** A dictionary; keys are names without the slash. */
export class PdfDict {
  readonly map = new Map<string, PdfObject>();
  get(key: string): PdfObject | undefined {
    return this.map.get(key);
  }
}

/** A stream: its dictionary and its still-encoded bytes. */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly raw: Uint8Array,
  ) {}
}

export type PdfObject = null | boolean | number | Uint8Array | PdfName | PdfRef | PdfDict | PdfStream | PdfObject[];

/** A structural problem in the file; the reader falls back to pdf.js on any of these. */
export class PdfSyntaxError extends Error {
  override readonly name = 'PdfSyntaxError';
}

/** Arrays and dictionaries nested deeper than any real file: refused outright (pdf.js would overflow its stack on them). */
export class PdfNestingError extends PdfSyntaxError {}

/** Real files nest arrays and dictionaries a few levels deep. */
export const MAX_OBJECT_DEPTH = 256;

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

/** True for PDF white space. */
export const isSpace = (c: number) => WS[c] === 1;
const isRegular = (c: number) => WS[c] !== 1 && DELIM[c] !== 1;

const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/** Marks in the token stream that are not objects. */
const ARRAY_END = Symbol('array-end');
const DICT_END = Symbol('dict-end');
type Token = PdfObject | PdfOp | typeof ARRAY_END | typeof DICT_END;

/** Reads PDF objects from bytes; `pos` is public so callers can skip stream data. */
export class Lexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
    /** Turns `n g R` into references (off in content streams, where R is not an operator). */
    readonly refs = true,
  ) {
    this.pos = pos;
  }

  skipSpace(): void {
    const b = this.bytes;
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) return;
      if (WS[c] === 1) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else return;
    }
  }

  /** The next object or operator; `undefined` at the end. Arrays and dicts are read whole. */
  next(): PdfObject | PdfOp | undefined {
    for (;;) {
      const t = this.token();
      if (t !== ARRAY_END && t !== DICT_END) return t;
    }
  }

  private depth = 0;

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_OBJECT_DEPTH) throw new PdfNestingError(`objects nested deeper than ${MAX_OBJECT_DEPTH}`);
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private token(): Token | undefined {
    // Stray braces and parentheses are skipped in a loop: a run of them must not recurse.
    let c: number | undefined;
    const b = this.bytes;
    for (;;) {
      this.skipSpace();
      c = b[this.pos];
      if (c !== 0x7b && c !== 0x7d && c !== 0x29) break;
      this.pos++;
    }
    if (c === undefined) return undefined;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.number();
    switch (c) {
      case 0x2f:
        return this.name();
      case 0x28:
        return this.literal();
      case 0x5b: {
        this.pos++;
        return this.nested(() => {
          const items: PdfObject[] = [];
          for (;;) {
            const t = this.token();
            if (t === undefined || t === ARRAY_END) return items;
            if (t === DICT_END || t instanceof PdfOp) continue;
            items.push(t);
          }
        });
      }
      case 0x5d:
        this.pos++;
        return ARRAY_END;
      case 0x3c:
        if (b[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return this.nested(() => this.dict());
        }
        return this.hex();
      case 0x3e:
        this.pos += b[this.pos + 1] === 0x3e ? 2 : 1;
        return DICT_END;
    }
    const start = this.pos;
    while (this.pos < b.length && isRegular(b[this.pos] as number)) this.pos++;
    const word = latin1(b, start, this.pos);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return new PdfOp(word);
  }

  private number(): PdfObject | PdfOp {
    const b = this.bytes;
    const start = this.pos;
    let sign = 1;
    if (b[this.pos] === 0x2d || b[this.pos] === 0x2b) {
      if (b[this.pos] === 0x2d) sign = -1;
      this.pos++;
      while (b[this.pos] === 0x2d || b[this.pos] === 0x2b) this.pos++;
    }
    let int = 0;
    let frac = 0;
    let scale = 1;
    let dot = false;
    let digits = 0;
    for (;;) {
      const c = b[this.pos];
      if (c !== undefined && c >= 0x30 && c <= 0x39) {
        digits++;
        if (dot) {
          scale /= 10;
          frac += (c - 0x30) * scale;
        } else int = int * 10 + (c - 0x30);
      } else if (c === 0x2e && !dot) dot = true;
      else break;
      this.pos++;
    }
    if (digits === 0) {
      // A lone sign or dot: not a number; read it as an operator word.
      this.pos = start + 1;
      return new PdfOp(latin1(b, start, this.pos));
    }
    const value = sign * (int + frac);
    if (this.refs && !dot && sign === 1) {
      // `n g R`: look ahead without consuming on a miss.
      const save = this.pos;
      const gen = this.peekInt();
      if (gen !== undefined) {
        this.skipSpace();
        if (b[this.pos] === 0x52 && (this.pos + 1 >= b.length || !isRegular(b[this.pos + 1] as number))) {
          this.pos++;
          return new PdfRef(value, gen);
        }
      }
      this.pos = save;
    }
    return value;
  }

  private peekInt(): number | undefined {
    this.skipSpace();
    const b = this.bytes;
    let n = 0;
    let any = false;
    while (this.pos < b.length && (b[this.pos] as number) >= 0x30 && (b[this.pos] as number) <= 0x39) {
      n = n * 10 + (b[this.pos] as number) - 0x30;
      this.pos++;
      any = true;
    }
    if (!any || (this.pos < b.length && isRegular(b[this.pos] as number))) return undefined;
    return n;
  }

  private name(): PdfName {
    const b = this.bytes;
    this.pos++;
    const start = this.pos;
    while (this.pos < b.length && isRegular(b[this.pos] as number)) this.pos++;
    let raw = latin1(b, start, this.pos);
    if (raw.includes('#')) {
      raw = raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      // Names are UTF-8 by convention (font names with Chinese characters).
      const bytes = Uint8Array.from(raw, (ch) => ch.charCodeAt(0));
      raw = new TextDecoder('utf-8').decode(bytes);
    }
    return PdfName.of(raw);
  }

  private literal(): Uint8Array {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++] as number;
      if (c === 0x5c) {
        const e = b[this.pos++];
        if (e === undefined) break;
        switch (e) {
          case 0x6e:
            out.push(10);
            break;
          case 0x72:
            out.push(13);
            break;
          case 0x74:
            out.push(9);
            break;
          case 0x62:
            out.push(8);
            break;
          case 0x66:
            out.push(12);
            break;
          case 0x0d:
            if (b[this.pos] === 0x0a) this.pos++;
            break;
          case 0x0a:
            break;
          default:
            if (e >= 0x30 && e <= 0x37) {
              let v = e - 0x30;
              for (let k = 0; k < 2; k++) {
                const d = b[this.pos];
                if (d === undefined || d < 0x30 || d > 0x37) break;
                v = v * 8 + d - 0x30;
                this.pos++;
              }
              out.push(v & 0xff);
            } else out.push(e);
        }
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return Uint8Array.from(out);
  }

  private hex(): Uint8Array {
    const { bytes, end } = hexBytes(this.bytes, this.pos + 1);
    this.pos = end;
    return bytes;
  }

  private dict(): PdfDict {
    const d = new PdfDict();
    for (;;) {
      const key = this.token();
      if (key === undefined || key === DICT_END) return d;
      if (!(key instanceof PdfName)) continue;
      const value = this.token();
      if (value === undefined || value === DICT_END) return d;
      if (value === ARRAY_END || value instanceof PdfOp) continue;
      d.map.set(key.name, value);
    }
  }
}

/**
 * Hexadecimal digits from `start` up to `>` (or the end) as bytes, white space and other
 * characters skipped, an odd last digit padded with 0 (hex strings, ASCIIHexDecode).
 */
export function hexBytes(b: Uint8Array, start: number): { bytes: Uint8Array; end: number } {
  const out: number[] = [];
  let high = -1;
  let pos = start;
  while (pos < b.length) {
    const c = b[pos++] as number;
    if (c === 0x3e) break;
    const v = HEX[c] as number;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out.push((high << 4) | v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return { bytes: Uint8Array.from(out), end: pos };
}

/** Bytes as a Latin-1 string (PDF keywords and names). */
export function latin1(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

/** Finds `needle` (ASCII) in bytes from `from`, or -1. */
export function indexOf(b: Uint8Array, needle: string, from = 0): number {
  const first = needle.charCodeAt(0);
  const n = needle.length;
  outer: for (let i = b.indexOf(first, from); i >= 0 && i + n <= b.length; i = b.indexOf(first, i + 1)) {
    for (let k = 1; k < n; k++) if (b[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Finds the last `needle` (ASCII) in bytes before `before`, or -1. */
export function lastIndexOf(b: Uint8Array, needle: string, before = b.length): number {
  const n = needle.length;
  outer: for (let i = before - n; i >= 0; i--) {
    for (let k = 0; k < n; k++) if (b[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}
