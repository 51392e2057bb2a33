import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { PdfDict, PdfName, type PdfObject } from './objects.ts';

/**
 * The standard security handler (ISO 32000 §7.6.3, and the AES-256 handler of ISO 32000-2)
 * for files that open without a password — the usual case of agencies' PDFs protected
 * against copying or printing. A file that needs a user password is refused.
 */

const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80,
  0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

/** The file needs a password to open. */
export class PdfPasswordError extends Error {
  override readonly name = 'PdfPasswordError';
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + (s[i] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[k] = (data[k] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 255] as number);
  }
  return out;
}

function md5(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

function aesCbc(key: Uint8Array, data: Uint8Array, padded: boolean): Uint8Array {
  if (data.length < 16) return new Uint8Array(0);
  const iv = data.subarray(0, 16);
  const body = data.subarray(16, 16 + Math.floor((data.length - 16) / 16) * 16);
  const d = createDecipheriv(key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc', key, iv);
  d.setAutoPadding(false);
  const out = new Uint8Array(Buffer.concat([d.update(body), d.final()]));
  if (!padded || out.length === 0) return out;
  const pad = out[out.length - 1] as number;
  return pad >= 1 && pad <= 16 ? out.subarray(0, out.length - pad) : out;
}

/** ISO 32000-2 algorithm 2.B: the hash of a password for revision 6. */
function hash2b(password: Uint8Array, salt: Uint8Array, u: Uint8Array): Uint8Array {
  let k = new Uint8Array(createHash('sha256').update(password).update(salt).update(u).digest());
  for (let i = 0; ; i++) {
    const block = new Uint8Array(password.length + k.length + u.length);
    block.set(password, 0);
    block.set(k, password.length);
    block.set(u, password.length + k.length);
    const k1 = new Uint8Array(block.length * 64);
    for (let r = 0; r < 64; r++) k1.set(block, r * block.length);
    const e = encryptCbc(k.subarray(0, 16), k.subarray(16, 32), k1);
    let sum = 0;
    for (let n = 0; n < 16; n++) sum += e[n] as number;
    const algo = ['sha256', 'sha384', 'sha512'][sum % 3] as string;
    k = new Uint8Array(createHash(algo).update(e).digest());
    if (i >= 63 && (e[e.length - 1] as number) <= i - 32) break;
  }
  return k.subarray(0, 32);
}

function encryptCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const c = createCipheriv('aes-128-cbc', key, iv);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

const bytesOf = (o: PdfObject | undefined) => (o instanceof Uint8Array ? o : new Uint8Array(0));
const num = (o: PdfObject | undefined, d: number) => (typeof o === 'number' ? o : d);

type Method = 'rc4' | 'aes' | 'none';

/** Decrypts strings and streams of one file. */
export class Decryptor {
  private constructor(
    private readonly key: Uint8Array,
    private readonly stream: Method,
    private readonly string: Method,
    private readonly revision: number,
  ) {}

  /** Builds the decryptor from the /Encrypt dictionary, or throws PdfPasswordError. */
  static open(encrypt: PdfDict, id0: Uint8Array): Decryptor {
    const filter = encrypt.get('Filter');
    if (!(filter instanceof PdfName) || filter.name !== 'Standard') throw new PdfPasswordError('unsupported security handler');
    const v = num(encrypt.get('V'), 0);
    const r = num(encrypt.get('R'), 2);
    const o = bytesOf(encrypt.get('O'));
    const u = bytesOf(encrypt.get('U'));
    const methodOf = (name: string): Method => {
      if (v < 4) return 'rc4';
      const f = encrypt.get(name);
      const fname = f instanceof PdfName ? f.name : 'Identity';
      if (fname === 'Identity') return 'none';
      const cf = encrypt.get('CF');
      const d = cf instanceof PdfDict ? cf.get(fname) : undefined;
      const cfm = d instanceof PdfDict ? d.get('CFM') : undefined;
      const m = cfm instanceof PdfName ? cfm.name : 'None';
      return m === 'V2' ? 'rc4' : m === 'AESV2' || m === 'AESV3' ? 'aes' : 'none';
    };
    const stream = methodOf('StmF');
    const string = methodOf('StrF');
    if (r >= 5) {
      const empty = new Uint8Array(0);
      const check = r === 5 ? new Uint8Array(createHash('sha256').update(u.subarray(32, 40)).digest()) : hash2b(empty, u.subarray(32, 40), empty);
      if (!equal(check, u.subarray(0, 32))) throw new PdfPasswordError('password required');
      const inter = r === 5 ? new Uint8Array(createHash('sha256').update(u.subarray(40, 48)).digest()) : hash2b(empty, u.subarray(40, 48), empty);
      const ue = bytesOf(encrypt.get('UE'));
      const d = createDecipheriv('aes-256-cbc', inter, new Uint8Array(16));
      d.setAutoPadding(false);
      const key = new Uint8Array(Buffer.concat([d.update(ue.subarray(0, 32)), d.final()]));
      return new Decryptor(key, stream, string, r);
    }
    const length = r === 2 ? 5 : Math.min(16, Math.max(5, num(encrypt.get('Length'), 40) / 8));
    const p = num(encrypt.get('P'), 0);
    const pBytes = Uint8Array.from([p & 255, (p >>> 8) & 255, (p >>> 16) & 255, (p >>> 24) & 255]);
    const metadata = encrypt.get('EncryptMetadata') !== false;
    let key = md5(PAD, o, pBytes, id0, r >= 4 && !metadata ? Uint8Array.from([255, 255, 255, 255]) : new Uint8Array(0)).subarray(0, length);
    if (r >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, length);
    key = key.slice();
    // Check the empty user password against /U.
    if (r === 2) {
      if (!equal(rc4(key, PAD), u.subarray(0, 32))) throw new PdfPasswordError('password required');
    } else {
      let x = rc4(key, md5(PAD, id0));
      for (let i = 1; i <= 19; i++)
        x = rc4(
          key.map((b) => b ^ i),
          x,
        );
      if (!equal(x, u.subarray(0, 16))) throw new PdfPasswordError('password required');
    }
    return new Decryptor(key, stream, string, r);
  }

  private objectKey(num: number, gen: number, aes: boolean): Uint8Array {
    if (this.revision >= 5) return this.key;
    const extra = Uint8Array.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255]);
    const salt = aes ? Uint8Array.from([0x73, 0x41, 0x6c, 0x54]) : new Uint8Array(0);
    return md5(this.key, extra, salt).subarray(0, Math.min(16, this.key.length + 5));
  }

  private apply(method: Method, data: Uint8Array, num: number, gen: number): Uint8Array {
    if (method === 'none') return data;
    const key = this.objectKey(num, gen, method === 'aes');
    return method === 'aes' ? aesCbc(key, data, true) : rc4(key, data);
  }

  /** Decrypts a stream's raw bytes. */
  decryptStream(data: Uint8Array, num: number, gen: number): Uint8Array {
    return this.apply(this.stream, data, num, gen);
  }

  /** Decrypts every string inside an object, in place for arrays and dictionaries. */
  decryptObject(o: PdfObject, num: number, gen: number): PdfObject {
    if (o instanceof Uint8Array) return this.apply(this.string, o, num, gen);
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) o[i] = this.decryptObject(o[i] as PdfObject, num, gen);
      return o;
    }
    if (o instanceof PdfDict) {
      for (const [k, v] of o.map) o.map.set(k, this.decryptObject(v, num, gen));
      return o;
    }
    return o;
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
