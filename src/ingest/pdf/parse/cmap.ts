import { Lexer, PdfName, PdfOp } from './objects.ts';

/** A code space range: byte length and the inclusive range of every byte. */
interface CodeSpace {
  lo: Uint8Array;
  hi: Uint8Array;
}

/**
 * A CMap (ToUnicode, or an embedded encoding CMap): how to cut a string into codes, and what
 * each code means (a Unicode text, or a CID).
 */
export class CMap {
  readonly spaces: CodeSpace[] = [];
  readonly unicode = new Map<number, string>();
  readonly cids = new Map<number, number>();
  readonly cidRanges: [number, number, number][] = [];
  /** `usecmap` of a predefined CMap (only Identity-H/V are known). */
  usesIdentity = false;

  /** Cuts a string into codes; bytes outside every code space fall back to single bytes. */
  codes(bytes: Uint8Array): { code: number; length: number }[] {
    const out: { code: number; length: number }[] = [];
    if (this.spaces.length === 0) {
      for (let i = 0; i + 1 < bytes.length; i += 2) out.push({ code: ((bytes[i] as number) << 8) | (bytes[i + 1] as number), length: 2 });
      return out;
    }
    for (let i = 0; i < bytes.length;) {
      let matched = 0;
      for (const space of this.spaces) {
        const n = space.lo.length;
        if (i + n > bytes.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++)
          ok = (bytes[i + k] as number) >= (space.lo[k] as number) && (bytes[i + k] as number) <= (space.hi[k] as number);
        if (ok) {
          matched = n;
          break;
        }
      }
      const n = matched || Math.min(this.spaces[0]?.lo.length ?? 1, bytes.length - i) || 1;
      let code = 0;
      for (let k = 0; k < n; k++) code = code * 256 + (bytes[i + k] as number);
      out.push({ code, length: n });
      i += n;
    }
    return out;
  }

  /** The CID of a code (embedded encoding CMaps). */
  cid(code: number): number {
    const direct = this.cids.get(code);
    if (direct !== undefined) return direct;
    for (const [lo, hi, start] of this.cidRanges) if (code >= lo && code <= hi) return start + code - lo;
    return this.usesIdentity ? code : 0;
  }
}

function toNumber(b: Uint8Array): number {
  let n = 0;
  for (const x of b) n = n * 256 + x;
  return n;
}

function utf16(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(((b[i] as number) << 8) | (b[i + 1] as number));
  if (b.length % 2 === 1) s += String.fromCharCode(b[b.length - 1] as number);
  return s;
}

/** A text with its last UTF-16 unit advanced by `n` (bfrange destinations). */
function advance(text: string, n: number): string {
  if (n === 0) return text;
  const last = text.charCodeAt(text.length - 1) + n;
  return text.slice(0, -1) + String.fromCharCode(last & 0xffff);
}

/** Largest number of codes one bfrange/cidrange may define (hostile ranges are cut). */
const MAX_RANGE = 65536;

/** Parses a CMap stream. */
export function parseCMap(data: Uint8Array): CMap {
  const cmap = new CMap();
  const lexer = new Lexer(data, 0, false);
  const operands: unknown[] = [];
  let mode = '';
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) {
    if (!(t instanceof PdfOp)) {
      operands.push(t);
      continue;
    }
    switch (t.op) {
      case 'begincodespacerange':
      case 'beginbfchar':
      case 'beginbfrange':
      case 'begincidrange':
      case 'begincidchar':
        mode = t.op.slice(5);
        operands.length = 0;
        break;
      case 'endcodespacerange':
        for (let i = 0; i + 1 < operands.length; i += 2) {
          const lo = operands[i];
          const hi = operands[i + 1];
          if (lo instanceof Uint8Array && hi instanceof Uint8Array && lo.length === hi.length && lo.length > 0) cmap.spaces.push({ lo, hi });
        }
        mode = '';
        operands.length = 0;
        break;
      case 'endbfchar':
        for (let i = 0; i + 1 < operands.length; i += 2) {
          const src = operands[i];
          const dst = operands[i + 1];
          if (src instanceof Uint8Array && dst instanceof Uint8Array) cmap.unicode.set(toNumber(src), utf16(dst));
          else if (src instanceof Uint8Array && dst instanceof PdfName) cmap.unicode.set(toNumber(src), dst.name);
        }
        mode = '';
        operands.length = 0;
        break;
      case 'endbfrange':
        for (let i = 0; i + 2 < operands.length; i += 3) {
          const [lo, hi, dst] = [operands[i], operands[i + 1], operands[i + 2]];
          if (!(lo instanceof Uint8Array) || !(hi instanceof Uint8Array)) continue;
          const a = toNumber(lo);
          const b = Math.min(toNumber(hi), a + MAX_RANGE);
          if (dst instanceof Uint8Array) {
            const base = utf16(dst);
            for (let c = a; c <= b; c++) cmap.unicode.set(c, advance(base, c - a));
          } else if (Array.isArray(dst)) {
            dst.forEach((d, k) => {
              if (d instanceof Uint8Array && a + k <= b) cmap.unicode.set(a + k, utf16(d));
            });
          }
        }
        mode = '';
        operands.length = 0;
        break;
      case 'endcidrange':
        for (let i = 0; i + 2 < operands.length; i += 3) {
          const [lo, hi, cid] = [operands[i], operands[i + 1], operands[i + 2]];
          if (lo instanceof Uint8Array && hi instanceof Uint8Array && typeof cid === 'number')
            cmap.cidRanges.push([toNumber(lo), Math.min(toNumber(hi), toNumber(lo) + MAX_RANGE), cid]);
        }
        mode = '';
        operands.length = 0;
        break;
      case 'endcidchar':
        for (let i = 0; i + 1 < operands.length; i += 2) {
          const [src, cid] = [operands[i], operands[i + 1]];
          if (src instanceof Uint8Array && typeof cid === 'number') cmap.cids.set(toNumber(src), cid);
        }
        mode = '';
        operands.length = 0;
        break;
      case 'usecmap': {
        const name = operands[operands.length - 1];
        if (name instanceof PdfName && /^Identity-[HV]$/.test(name.name)) {
          cmap.usesIdentity = true;
          if (cmap.spaces.length === 0) cmap.spaces.push({ lo: Uint8Array.from([0, 0]), hi: Uint8Array.from([255, 255]) });
        }
        operands.length = 0;
        break;
      }
      default:
        if (!mode) operands.length = 0;
    }
  }
  return cmap;
}
