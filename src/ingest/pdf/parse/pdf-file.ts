import { Decryptor } from './crypt.ts';
import { decodeStream } from './filters.ts';
import { indexOf, Lexer, lastIndexOf, PdfDict, PdfName, type PdfObject, PdfOp, PdfRef, PdfStream, PdfSyntaxError } from './objects.ts';

type Entry = { offset: number } | { container: number; index: number };

/** One page of the document with what its content needs. */
export interface PdfPage {
  dict: PdfDict;
  resources: PdfDict;
  /** [x0, y0, x1, y1] of the visible area (CropBox within MediaBox). */
  box: [number, number, number, number];
  rotate: 0 | 90 | 180 | 270;
}

const MAX_PAGES = 2000;

/**
 * A PDF file's object graph: cross-reference tables and streams (with /Prev chains and hybrid
 * files), object streams, the standard security handler, and a rebuilt index when the
 * cross-reference data is damaged.
 */
export class PdfFile {
  private entries = new Map<number, Entry>();
  private readonly cache = new Map<number, PdfObject>();
  private readonly objectStreams = new Map<number, { offsets: Map<number, number>; lexer: Lexer }>();
  private trailer = new PdfDict();
  private decryptor: Decryptor | undefined;
  private rebuilt = false;
  /** Object numbers being resolved, against reference cycles. */
  private readonly resolving = new Set<number>();

  constructor(readonly bytes: Uint8Array) {
    try {
      this.readXrefChain();
    } catch {
      this.rebuild();
    }
    if (!(this.trailer.get('Root') instanceof PdfRef) && !this.rebuilt) this.rebuild();
    const encrypt = this.resolve(this.trailer.get('Encrypt'));
    if (encrypt instanceof PdfDict) {
      const id = this.resolve(this.trailer.get('ID'));
      const id0 = Array.isArray(id) && id[0] instanceof Uint8Array ? id[0] : new Uint8Array(0);
      this.decryptor = Decryptor.open(encrypt, id0);
      // The /Encrypt dictionary itself is never encrypted.
      const ref = this.trailer.get('Encrypt');
      if (ref instanceof PdfRef) this.cache.set(ref.num, encrypt);
    }
  }

  private readXrefChain(): void {
    const at = lastIndexOf(this.bytes, 'startxref');
    if (at < 0) throw new PdfSyntaxError('no startxref');
    const lexer = new Lexer(this.bytes, at + 9);
    let offset = lexer.next();
    const seen = new Set<number>();
    let first = true;
    while (typeof offset === 'number' && !seen.has(offset)) {
      seen.add(offset);
      const trailer = this.readXrefSection(offset);
      if (first) this.trailer = trailer;
      first = false;
      const stm = trailer.get('XRefStm');
      if (typeof stm === 'number' && !seen.has(stm)) {
        seen.add(stm);
        this.readXrefSection(stm);
      }
      offset = trailer.get('Prev') as PdfObject;
    }
    if (this.entries.size === 0) throw new PdfSyntaxError('empty xref');
  }

  private readXrefSection(offset: number): PdfDict {
    const lexer = new Lexer(this.bytes, offset);
    const head = lexer.next();
    if (head instanceof PdfOp && head.op === 'xref') {
      for (;;) {
        const start = lexer.next();
        if (start instanceof PdfOp && start.op === 'trailer') {
          const t = lexer.next();
          if (!(t instanceof PdfDict)) throw new PdfSyntaxError('bad trailer');
          return t;
        }
        const count = lexer.next();
        if (typeof start !== 'number' || typeof count !== 'number') throw new PdfSyntaxError('bad xref');
        for (let i = 0; i < count; i++) {
          const off = lexer.next();
          lexer.next();
          const kind = lexer.next();
          if (typeof off !== 'number' || !(kind instanceof PdfOp)) throw new PdfSyntaxError('bad xref entry');
          if (kind.op === 'n' && !this.entries.has(start + i) && off > 0) this.entries.set(start + i, { offset: off });
          else if (!this.entries.has(start + i)) this.entries.set(start + i, { offset: -1 });
        }
      }
    }
    // A cross-reference stream.
    const xref = this.parseObjectAt(offset, new Lexer(this.bytes, offset));
    if (!(xref.value instanceof PdfStream)) throw new PdfSyntaxError('bad xref stream');
    const dict = xref.value.dict;
    const data = decodeStream(xref.value.raw, dict);
    const w = dict.get('W');
    if (!data || !Array.isArray(w) || w.length < 3) throw new PdfSyntaxError('bad xref stream');
    const [w0, w1, w2] = w.map((n) => (typeof n === 'number' ? n : 0)) as [number, number, number];
    const size = dict.get('Size');
    const index = dict.get('Index');
    const ranges = Array.isArray(index) ? (index as number[]) : [0, typeof size === 'number' ? size : 0];
    let pos = 0;
    const field = (n: number, d: number) => {
      if (n === 0) return d;
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + (data[pos++] ?? 0);
      return v;
    };
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const start = ranges[r] as number;
      for (let i = 0; i < (ranges[r + 1] as number) && pos < data.length; i++) {
        const type = field(w0, 1);
        const a = field(w1, 0);
        const b = field(w2, 0);
        if (this.entries.has(start + i)) continue;
        if (type === 1) this.entries.set(start + i, { offset: a });
        else if (type === 2) this.entries.set(start + i, { container: a, index: b });
        else this.entries.set(start + i, { offset: -1 });
      }
    }
    return dict;
  }

  /** Rebuilds the index by scanning for `n g obj`, as viewers do with damaged files. */
  private rebuild(): void {
    this.rebuilt = true;
    this.entries = new Map();
    this.cache.clear();
    const text = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('latin1');
    const re = /(?:^|[\s>])(\d{1,7})\s+(\d{1,5})\s+obj\b/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      this.entries.set(Number(m[1]), { offset: m.index + (m[0].length - m[0].trimStart().length) });
    }
    let trailer: PdfDict | undefined;
    for (let at = text.lastIndexOf('trailer'); at >= 0 && !trailer; at = text.lastIndexOf('trailer', at - 1)) {
      const t = new Lexer(this.bytes, at + 7).next();
      if (t instanceof PdfDict && t.get('Root')) trailer = t;
    }
    if (!trailer) {
      for (const [num] of this.entries) {
        const o = this.safeGet(num);
        const d = o instanceof PdfStream ? o.dict : o;
        if (d instanceof PdfDict && d.get('Root') && (d.get('Type') as PdfName | undefined)?.name === 'XRef') trailer = d;
        else if (d instanceof PdfDict && (d.get('Type') as PdfName | undefined)?.name === 'Catalog' && !trailer) {
          trailer = new PdfDict();
          trailer.map.set('Root', new PdfRef(num, 0));
        }
      }
    }
    if (!trailer) throw new PdfSyntaxError('no document catalog');
    this.trailer = trailer;
    // Object streams: index their members too.
    for (const [num] of [...this.entries]) {
      const o = this.safeGet(num);
      if (o instanceof PdfStream && (o.dict.get('Type') as PdfName | undefined)?.name === 'ObjStm') {
        const members = this.objectStream(num);
        for (const [n] of members.offsets) if (!this.entries.has(n)) this.entries.set(n, { container: num, index: 0 });
      }
    }
  }

  private safeGet(num: number): PdfObject {
    try {
      return this.get(num);
    } catch {
      return null;
    }
  }

  private parseObjectAt(offset: number, lexer: Lexer, expect?: number): { num: number; gen: number; value: PdfObject } {
    const num = lexer.next();
    const gen = lexer.next();
    const kw = lexer.next();
    if (typeof num !== 'number' || typeof gen !== 'number' || !(kw instanceof PdfOp) || kw.op !== 'obj' || (expect !== undefined && num !== expect))
      throw new PdfSyntaxError(`no object at ${offset}`);
    let value = lexer.next();
    if (value instanceof PdfOp) value = null;
    if (value instanceof PdfDict) {
      const save = lexer.pos;
      const after = lexer.next();
      if (after instanceof PdfOp && after.op === 'stream') {
        let start = lexer.pos;
        if (this.bytes[start] === 0x0d) start++;
        if (this.bytes[start] === 0x0a) start++;
        const declared = this.resolveLength(value.get('Length'));
        let end = declared !== undefined ? start + declared : -1;
        const fits = end >= start && end <= this.bytes.length && indexOf(this.bytes.subarray(end, end + 32), 'endstream') >= 0;
        if (!fits) {
          const e = indexOf(this.bytes, 'endstream', start);
          end = e < 0 ? this.bytes.length : e;
          while (end > start && (this.bytes[end - 1] === 0x0a || this.bytes[end - 1] === 0x0d)) end--;
        }
        return { num, gen, value: new PdfStream(value, this.bytes.subarray(start, end)) };
      }
      lexer.pos = save;
    }
    return { num, gen, value: value ?? null };
  }

  private resolveLength(o: PdfObject | undefined): number | undefined {
    if (typeof o === 'number') return o;
    if (o instanceof PdfRef && !this.resolving.has(o.num)) {
      const v = this.resolve(o);
      return typeof v === 'number' ? v : undefined;
    }
    return undefined;
  }

  private objectStream(num: number): { offsets: Map<number, number>; lexer: Lexer } {
    let os = this.objectStreams.get(num);
    if (os) return os;
    const stream = this.get(num);
    if (!(stream instanceof PdfStream)) throw new PdfSyntaxError('bad object stream');
    const data = this.streamData(stream, num, 0);
    if (!data) throw new PdfSyntaxError('bad object stream');
    const n = stream.dict.get('N');
    const first = stream.dict.get('First');
    if (typeof n !== 'number' || typeof first !== 'number') throw new PdfSyntaxError('bad object stream');
    const head = new Lexer(data, 0, false);
    const offsets = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const objNum = head.next();
      const off = head.next();
      if (typeof objNum !== 'number' || typeof off !== 'number') break;
      if (!offsets.has(objNum)) offsets.set(objNum, first + off);
    }
    os = { offsets, lexer: new Lexer(data) };
    this.objectStreams.set(num, os);
    return os;
  }

  /** The object with this number (undefined objects are null). */
  get(num: number): PdfObject {
    if (this.cache.has(num)) return this.cache.get(num) as PdfObject;
    if (this.resolving.has(num)) throw new PdfSyntaxError('reference cycle');
    const entry = this.entries.get(num);
    if (!entry) return null;
    this.resolving.add(num);
    try {
      let value: PdfObject;
      if ('offset' in entry) {
        if (entry.offset < 0) return null;
        let parsed: { num: number; gen: number; value: PdfObject };
        try {
          parsed = this.parseObjectAt(entry.offset, new Lexer(this.bytes, entry.offset), num);
        } catch (error) {
          if (this.rebuilt) throw error;
          this.resolving.delete(num);
          this.rebuild();
          return this.get(num);
        }
        value = parsed.value;
        if (this.decryptor) {
          if (value instanceof PdfStream) {
            const type = value.dict.get('Type');
            const plain = type instanceof PdfName && type.name === 'XRef';
            if (!plain) {
              this.decryptor.decryptObject(value.dict, num, parsed.gen);
              value = new PdfStream(value.dict, this.decryptor.decryptStream(value.raw, num, parsed.gen));
            }
          } else value = this.decryptor.decryptObject(value, num, parsed.gen);
        }
      } else {
        const os = this.objectStream(entry.container);
        const off = os.offsets.get(num);
        if (off === undefined) return null;
        os.lexer.pos = off;
        const v = os.lexer.next();
        value = v === undefined || v instanceof PdfOp ? null : v;
      }
      this.cache.set(num, value);
      return value;
    } finally {
      this.resolving.delete(num);
    }
  }

  /** Follows references. */
  resolve(o: PdfObject | undefined): PdfObject | undefined {
    let v = o;
    for (let hops = 0; v instanceof PdfRef && hops < 32; hops++) v = this.get(v.num);
    return v instanceof PdfRef ? null : v;
  }

  /** A dictionary entry, followed through references. */
  dictOf(o: PdfObject | undefined): PdfDict | undefined {
    const v = this.resolve(o);
    if (v instanceof PdfDict) return v;
    if (v instanceof PdfStream) return v.dict;
    return undefined;
  }

  /** A stream's decoded bytes (undefined for image data). Stream refs of the file are already decrypted. */
  streamData(stream: PdfStream, _num?: number, _gen?: number): Uint8Array | undefined {
    const dict = new PdfDict();
    for (const [k, v] of stream.dict.map) dict.map.set(k, k === 'Filter' || k === 'DecodeParms' ? (this.resolve(v) ?? null) : v);
    return decodeStream(stream.raw, dict);
  }

  /** The pages in order, with inherited resources, boxes and rotation. */
  pages(): PdfPage[] {
    const root = this.dictOf(this.trailer.get('Root'));
    const top = this.dictOf(root?.get('Pages'));
    if (!top) throw new PdfSyntaxError('no page tree');
    const out: PdfPage[] = [];
    const visited = new Set<PdfDict>();
    const walk = (node: PdfDict, inherited: { resources?: PdfDict; media?: PdfObject; crop?: PdfObject; rotate?: number }, depth: number) => {
      if (visited.has(node) || depth > 64 || out.length >= MAX_PAGES) return;
      visited.add(node);
      const here = {
        resources: this.dictOf(node.get('Resources')) ?? inherited.resources,
        media: this.resolve(node.get('MediaBox')) ?? inherited.media,
        crop: this.resolve(node.get('CropBox')) ?? inherited.crop,
        rotate: (this.resolve(node.get('Rotate')) as number | undefined) ?? inherited.rotate,
      };
      const kids = this.resolve(node.get('Kids'));
      const type = node.get('Type');
      if (Array.isArray(kids) && !(type instanceof PdfName && type.name === 'Page')) {
        for (const kid of kids) {
          const d = this.dictOf(kid);
          // A page that is not there: the file is damaged (truncated, most often).
          if (!d) throw new PdfSyntaxError('missing page');
          walk(d, here, depth + 1);
        }
        return;
      }
      const media = boxOf(this, here.media) ?? [0, 0, 595, 842];
      const crop = boxOf(this, here.crop);
      const box: [number, number, number, number] = crop
        ? [Math.max(media[0], crop[0]), Math.max(media[1], crop[1]), Math.min(media[2], crop[2]), Math.min(media[3], crop[3])]
        : media;
      if (box[2] <= box[0] || box[3] <= box[1]) box.splice(0, 4, ...media);
      const r = ((((typeof here.rotate === 'number' ? Math.round(here.rotate / 90) * 90 : 0) % 360) + 360) % 360) as 0 | 90 | 180 | 270;
      out.push({ dict: node, resources: here.resources ?? new PdfDict(), box, rotate: r });
    };
    walk(top, {}, 0);
    if (out.length === 0) throw new PdfSyntaxError('no pages');
    return out;
  }

  /** The concatenated, decoded content streams of a page. */
  pageContent(page: PdfPage): Uint8Array {
    const contents = this.resolve(page.dict.get('Contents'));
    const parts = (Array.isArray(contents) ? contents : [contents])
      .map((c) => this.resolve(c as PdfObject))
      .filter((c): c is PdfStream => c instanceof PdfStream);
    const data = parts.map((p) => this.streamData(p) ?? new Uint8Array(0));
    if (data.length === 1) return data[0] as Uint8Array;
    const total = data.reduce((n, d) => n + d.length + 1, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const d of data) {
      out.set(d, at);
      out[at + d.length] = 10;
      at += d.length + 1;
    }
    return out;
  }
}

function boxOf(file: PdfFile, o: PdfObject | undefined): [number, number, number, number] | undefined {
  const v = file.resolve(o);
  if (!Array.isArray(v) || v.length < 4) return undefined;
  const n = v.slice(0, 4).map((x) => file.resolve(x));
  if (!n.every((x) => typeof x === 'number')) return undefined;
  const [a, b, c, d] = n as number[] as [number, number, number, number];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}
