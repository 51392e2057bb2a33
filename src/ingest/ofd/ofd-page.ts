import type { PageGeometry, PdfChar, Segment } from '../pdf/parse/index.ts';

/** An element of an OFD XML file as fast-xml-parser gives it: attributes prefixed `@`, text `#text`. */
export type OfdNode = { [key: string]: unknown };

/** OFD lengths are millimetres; the page geometry (and its tolerances) are PDF points. */
export const MM = 72 / 25.4;

/** Page blocks nested deeper than this are not a real document (and would exhaust the stack). */
const MAX_DEPTH = 64;

/** An OFD page that cannot be read: the reader turns it into a ReadError. */
export class OfdContentError extends Error {}

type Matrix = [number, number, number, number, number, number];

/** The nodes of a child element that may occur once or many times. */
export function childList(node: unknown, tag: string): OfdNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as OfdNode)[tag];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' && v !== null ? (v as OfdNode) : { '#text': String(v) }));
}

/** The text content of an element (which may be a bare string when it has no attributes). */
export function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node !== 'object') return String(node);
  const text = (node as OfdNode)['#text'];
  return text === undefined ? '' : String(text);
}

/** Whitespace-separated numbers of an attribute or element ("0 0 210 297"); NaN-free or undefined. */
export function numbers(value: unknown): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  const parts = String(value)
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  return parts.length > 0 && parts.every(Number.isFinite) ? parts : undefined;
}

function matrixOf(node: OfdNode): Matrix {
  const m = numbers(node['@CTM']);
  return m && m.length === 6 ? (m as Matrix) : [1, 0, 0, 1, 0, 0];
}

/** Where an object's point stands on the page: its CTM, then its boundary's origin. */
function placer(node: OfdNode): (x: number, y: number) => [number, number] {
  const box = numbers(node['@Boundary']) ?? [0, 0, 0, 0];
  const [a, b, c, d, e, f] = matrixOf(node);
  const [bx, by] = [box[0] ?? 0, box[1] ?? 0];
  return (x, y) => [(a * x + c * y + e + bx) * MM, (b * x + d * y + f + by) * MM];
}

/**
 * DeltaX/DeltaY of a TextCode: numbers, with `g n d` standing for n times d (GB/T 33190 §11.3).
 */
export function deltas(value: unknown): number[] {
  const tokens = value === undefined ? [] : String(value).trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const d = Number(tokens[i + 2]);
      if (!Number.isInteger(count) || count < 0 || count > 100_000 || !Number.isFinite(d))
        throw new OfdContentError(`DeltaX/DeltaY 格式错误（${String(value).slice(0, 40)}）`);
      for (let k = 0; k < count; k++) out.push(d);
      i += 2;
    } else {
      const d = Number(tokens[i]);
      if (!Number.isFinite(d)) throw new OfdContentError(`DeltaX/DeltaY 格式错误（${String(value).slice(0, 40)}）`);
      out.push(d);
    }
  }
  return out;
}

/** Advance of a glyph when the file does not give it: ideographs and full-width forms one em, others half. */
export function defaultAdvance(ch: string, size: number): number {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x2e80 || (code >= 0xff00 && code <= 0xffef) ? size : size / 2;
}

/** The glyphs of a TextObject, with page positions in points. */
function textGlyphs(node: OfdNode, run: number, out: PdfChar[]): void {
  const place = placer(node);
  const [a, b, c, d] = matrixOf(node);
  const scale = Math.sqrt(Math.abs(a * d - b * c)) || 1;
  const size = Number(node['@Size'] ?? 0);
  if (!(size > 0)) return;
  let x = 0;
  let y = 0;
  for (const code of childList(node, 'TextCode')) {
    const text = [...textOf(code)];
    if (code['@X'] !== undefined) x = Number(code['@X']);
    if (code['@Y'] !== undefined) y = Number(code['@Y']);
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new OfdContentError('TextCode 的 X/Y 不是数字');
    const dx = deltas(code['@DeltaX']);
    const dy = deltas(code['@DeltaY']);
    const vertical = dy.length > 0 && dx.length === 0 ? true : Math.abs(b) > Math.abs(a);
    text.forEach((ch, i) => {
      const advance = vertical ? (dy[i] ?? size) : (dx[i] ?? defaultAdvance(ch, size));
      const [px, py] = place(x, y);
      out.push({ text: ch, x: px, y: py, w: (vertical ? size : advance) * scale * MM, size: size * scale * MM, run, vertical });
      if (vertical) y += advance;
      else x += advance;
    });
  }
}

/** The numbers after a path command, checked. */
function take(tokens: string[], at: number, count: number): number[] {
  const out = tokens.slice(at, at + count).map(Number);
  if (out.length < count || !out.every(Number.isFinite)) throw new OfdContentError('PathObject 的 AbbreviatedData 格式错误');
  return out;
}

/** The subpaths of a PathObject's AbbreviatedData as page points (curves by their end points). */
function subpaths(node: OfdNode): [number, number][][] {
  const data = textOf(childList(node, 'AbbreviatedData')[0]);
  const tokens = data.trim().split(/\s+/).filter(Boolean);
  const place = placer(node);
  const paths: [number, number][][] = [];
  let current: [number, number][] | undefined;
  const ARGS: Record<string, number> = { S: 2, M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0 };
  for (let i = 0; i < tokens.length;) {
    const op = tokens[i] as string;
    const count = ARGS[op];
    if (count === undefined) throw new OfdContentError(`PathObject 的 AbbreviatedData 含有未知命令「${op.slice(0, 8)}」`);
    const args = take(tokens, i + 1, count);
    i += 1 + count;
    if (op === 'C') {
      if (current && current.length > 0) current.push(current[0] as [number, number]);
      continue;
    }
    const end = place(args[count - 2] as number, args[count - 1] as number);
    if (op === 'S' || op === 'M' || !current) {
      current = [end];
      paths.push(current);
    } else current.push(end);
  }
  return paths;
}

/** A filled rectangle thinner than this (points) is a ruling, as in PDF. */
const THIN = 2.5;

function pathSegments(node: OfdNode, out: Segment[]): void {
  const stroke = node['@Stroke'] !== 'false';
  const fill = node['@Fill'] === 'true';
  const add = (p: [number, number], q: [number, number]) => {
    if (Math.abs(p[1] - q[1]) < 0.5 && Math.abs(p[0] - q[0]) > 0.5)
      out.push({ x1: Math.min(p[0], q[0]), y1: (p[1] + q[1]) / 2, x2: Math.max(p[0], q[0]), y2: (p[1] + q[1]) / 2 });
    else if (Math.abs(p[0] - q[0]) < 0.5 && Math.abs(p[1] - q[1]) > 0.5)
      out.push({ x1: (p[0] + q[0]) / 2, y1: Math.min(p[1], q[1]), x2: (p[0] + q[0]) / 2, y2: Math.max(p[1], q[1]) });
  };
  for (const sub of subpaths(node)) {
    if (stroke) for (let i = 1; i < sub.length; i++) add(sub[i - 1] as [number, number], sub[i] as [number, number]);
    else if (fill && sub.length >= 4 && sub.length <= 6) {
      const xs = sub.map((p) => p[0]);
      const ys = sub.map((p) => p[1]);
      const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      if (bottom - top <= THIN && right - left > bottom - top) add([left, (top + bottom) / 2], [right, (top + bottom) / 2]);
      else if (right - left <= THIN && bottom - top > right - left) add([(left + right) / 2, top], [(left + right) / 2, bottom]);
    }
  }
}

/** An image a page shows: its resource and its box on the page (mm). */
export interface OfdImage {
  resource: string;
  boundary: [number, number, number, number];
}

/** What a page's content shows: glyphs, rulings and images. */
export interface OfdPageContent {
  chars: PdfChar[];
  segments: Segment[];
  images: OfdImage[];
}

/** Collects the glyphs and rulings of a Content.xml's layers (and page blocks within them). */
export function pageContent(content: OfdNode, into: OfdPageContent): void {
  let run = into.chars.length;
  const walk = (block: OfdNode, depth: number) => {
    if (depth > MAX_DEPTH) throw new OfdContentError('页面对象（PageBlock）嵌套过深');
    for (const text of childList(block, 'TextObject')) if (text['@Visible'] !== 'false') textGlyphs(text, run++, into.chars);
    for (const path of childList(block, 'PathObject')) if (path['@Visible'] !== 'false') pathSegments(path, into.segments);
    for (const image of childList(block, 'ImageObject')) {
      const box = numbers(image['@Boundary']);
      if (image['@Visible'] !== 'false' && box?.length === 4)
        into.images.push({ resource: String(image['@ResourceID'] ?? ''), boundary: box as OfdImage['boundary'] });
    }
    for (const inner of childList(block, 'PageBlock')) walk(inner, depth + 1);
  };
  for (const layer of childList(childList(content, 'Content')[0], 'Layer')) walk(layer, 0);
}

/** A page's geometry in points from its physical box (mm) and its content. */
export function toGeometry(box: number[], content: OfdPageContent): PageGeometry {
  const [x0, y0, w, h] = box as [number, number, number, number];
  const dx = -x0 * MM;
  const dy = -y0 * MM;
  return {
    width: w * MM,
    height: h * MM,
    chars: content.chars.map((c) => ({ ...c, x: c.x + dx, y: c.y + dy })),
    segments: content.segments.map((s) => ({ x1: s.x1 + dx, y1: s.y1 + dy, x2: s.x2 + dx, y2: s.y2 + dy })),
  };
}
