import { loadFont, type PdfFont } from './fonts.ts';
import { isSpace, Lexer, PdfDict, PdfName, type PdfObject, PdfOp, PdfStream, PdfSyntaxError } from './objects.ts';
import type { PdfFile, PdfPage } from './pdf-file.ts';

/** A shown glyph in page coordinates (top-left origin, as the page is displayed). */
export interface PdfChar {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  /** Advance width on the page. */
  w: number;
  /** Font size on the page. */
  size: number;
  /** Glyphs of one text-showing operator share a run number. */
  run: number;
  /** Written top to bottom (vertical fonts and rotated text). */
  vertical: boolean;
}

/** A straight ruling, horizontal or vertical, in page coordinates (x1 ≤ x2, y1 ≤ y2). */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What a page shows: its size as displayed, its glyphs and its rulings. */
export interface PageGeometry {
  width: number;
  height: number;
  chars: PdfChar[];
  segments: Segment[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

interface State {
  ctm: Matrix;
  font: PdfFont | undefined;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  scale: number;
  leading: number;
  rise: number;
}

/** Operators interpreted per page at most: hostile content streams stop there. */
const MAX_OPS = 3_000_000;
const MAX_DEPTH = 256;
const MAX_FORM_DEPTH = 8;
/** A filled rectangle thinner than this (points) is a ruling. */
const THIN = 2.5;

const asNumber = (o: PdfObject | undefined) => (typeof o === 'number' && Number.isFinite(o) ? o : 0);

/** Reads a page's content stream into glyphs and rulings. */
export function interpretPage(file: PdfFile, page: PdfPage, fonts: Map<PdfDict, PdfFont>): PageGeometry {
  const [x0, y0, x1, y1] = page.box;
  const w = x1 - x0;
  const h = y1 - y0;
  const rotated = page.rotate === 90 || page.rotate === 270;
  const toPage = (x: number, y: number): [number, number] => {
    switch (page.rotate) {
      case 90:
        return [y - y0, x - x0];
      case 180:
        return [w - (x - x0), y - y0];
      case 270:
        return [h - (y - y0), w - (x - x0)];
      default:
        return [x - x0, y1 - y];
    }
  };
  const out: PageGeometry = { width: rotated ? h : w, height: rotated ? w : h, chars: [], segments: [] };
  let ops = 0;
  let run = 0;

  const run1 = (data: Uint8Array, resources: PdfDict, start: State, depth: number) => {
    const lexer = new Lexer(data, 0, false);
    const stack: State[] = [];
    let ignoredSaves = 0;
    let s: State = { ...start };
    let tm: Matrix = IDENTITY;
    let tlm: Matrix = IDENTITY;
    const operands: PdfObject[] = [];
    let path: [number, number][][] = [];
    let rects: [number, number][][] = [];
    let current: [number, number][] | undefined;
    let cursor: [number, number] = [0, 0];
    const point = (x: number, y: number): [number, number] => {
      const m = s.ctm;
      return toPage(x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]);
    };
    const fontsDict = file.dictOf(resources.get('Font'));
    const xobjects = file.dictOf(resources.get('XObject'));

    const show = (bytes: Uint8Array) => {
      const font = s.font;
      if (!font) return;
      run++;
      const fs = s.size;
      const th = s.scale;
      for (const g of font.decode(bytes)) {
        const trm = mul(mul([fs * th, 0, 0, fs, 0, s.rise], tm), s.ctm);
        const origin = toPage(trm[4], trm[5]);
        const adv = font.vertical ? 0 : g.width / 1000;
        const end = toPage(adv * trm[0] + trm[4], adv * trm[1] + trm[5]);
        const up = toPage(trm[2] + trm[4], trm[3] + trm[5]);
        const size = Math.hypot(up[0] - origin[0], up[1] - origin[1]);
        const dx = end[0] - origin[0];
        const dy = end[1] - origin[1];
        if (g.text !== '') {
          if (font.vertical) out.chars.push({ text: g.text, x: origin[0] - size / 2, y: origin[1] + size, w: size, size, run, vertical: true });
          else if (Math.abs(dy) > Math.abs(dx) + 0.01)
            out.chars.push({
              text: g.text,
              x: origin[0] - size / 2,
              y: Math.min(origin[1], end[1]) + Math.abs(dy),
              w: size,
              size,
              run,
              vertical: true,
            });
          else out.chars.push({ text: g.text, x: Math.min(origin[0], end[0]), y: origin[1], w: Math.abs(dx), size, run, vertical: false });
        }
        const spacing = s.charSpacing + (g.space ? s.wordSpacing : 0);
        if (font.vertical) tm = mul([1, 0, 0, 1, 0, -fs + spacing], tm);
        else tm = mul([1, 0, 0, 1, (adv * fs + spacing) * th, 0], tm);
      }
    };
    const nextLine = () => {
      tlm = mul([1, 0, 0, 1, 0, -s.leading], tlm);
      tm = tlm;
    };
    const addSegment = (a: [number, number], b: [number, number]) => {
      const [ax, ay] = a;
      const [bx, by] = b;
      if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > 0.5)
        out.segments.push({ x1: Math.min(ax, bx), y1: (ay + by) / 2, x2: Math.max(ax, bx), y2: (ay + by) / 2 });
      else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > 0.5)
        out.segments.push({ x1: (ax + bx) / 2, y1: Math.min(ay, by), x2: (ax + bx) / 2, y2: Math.max(ay, by) });
    };
    const stroke = () => {
      for (const sub of [...path, ...rects])
        for (let i = 1; i < sub.length; i++) addSegment(sub[i - 1] as [number, number], sub[i] as [number, number]);
    };
    const fill = () => {
      // Thin filled rectangles are rulings (many producers draw borders so).
      for (const sub of [...rects, ...path]) {
        if (sub.length < 4 || sub.length > 6) continue;
        const xs = sub.map((p) => p[0]);
        const ys = sub.map((p) => p[1]);
        const left = Math.min(...xs);
        const right = Math.max(...xs);
        const top = Math.min(...ys);
        const bottom = Math.max(...ys);
        const axis =
          sub.every((p) => Math.abs(p[0] - left) < 0.5 || Math.abs(p[0] - right) < 0.5) &&
          sub.every((p) => Math.abs(p[1] - top) < 0.5 || Math.abs(p[1] - bottom) < 0.5);
        if (!axis) continue;
        if (bottom - top <= THIN && right - left > bottom - top) addSegment([left, (top + bottom) / 2], [right, (top + bottom) / 2]);
        else if (right - left <= THIN && bottom - top > right - left) addSegment([(left + right) / 2, top], [(left + right) / 2, bottom]);
      }
    };
    const endPath = () => {
      path = [];
      rects = [];
      current = undefined;
    };

    for (let t = lexer.next(); t !== undefined; t = lexer.next()) {
      if (!(t instanceof PdfOp)) {
        if (operands.length < 64) operands.push(t);
        continue;
      }
      if (++ops > MAX_OPS) throw new PdfSyntaxError('content stream too long');
      const n = (i: number) => asNumber(operands[i]);
      switch (t.op) {
        case 'q':
          if (stack.length < MAX_DEPTH) stack.push({ ...s });
          else ignoredSaves++;
          break;
        case 'Q':
          if (ignoredSaves > 0) ignoredSaves--;
          else s = stack.pop() ?? s;
          break;
        case 'cm':
          s.ctm = mul([n(0), n(1), n(2), n(3), n(4), n(5)], s.ctm);
          break;
        case 'BT':
          tm = IDENTITY;
          tlm = IDENTITY;
          break;
        case 'Tf': {
          const name = operands[0];
          s.size = n(1);
          const fd = name instanceof PdfName ? file.dictOf(fontsDict?.get(name.name)) : undefined;
          if (fd) {
            let font = fonts.get(fd);
            if (!font) {
              font = loadFont(file, fd);
              fonts.set(fd, font);
            }
            s.font = font;
          } else s.font = undefined;
          break;
        }
        case 'Tc':
          s.charSpacing = n(0);
          break;
        case 'Tw':
          s.wordSpacing = n(0);
          break;
        case 'Tz':
          s.scale = n(0) / 100;
          break;
        case 'TL':
          s.leading = n(0);
          break;
        case 'Ts':
          s.rise = n(0);
          break;
        case 'Td':
          tlm = mul([1, 0, 0, 1, n(0), n(1)], tlm);
          tm = tlm;
          break;
        case 'TD':
          s.leading = -n(1);
          tlm = mul([1, 0, 0, 1, n(0), n(1)], tlm);
          tm = tlm;
          break;
        case 'Tm':
          tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
          tm = tlm;
          break;
        case 'T*':
          nextLine();
          break;
        case 'Tj':
          if (operands[0] instanceof Uint8Array) show(operands[0]);
          break;
        case "'":
          nextLine();
          if (operands[0] instanceof Uint8Array) show(operands[0]);
          break;
        case '"':
          s.wordSpacing = n(0);
          s.charSpacing = n(1);
          nextLine();
          if (operands[2] instanceof Uint8Array) show(operands[2]);
          break;
        case 'TJ': {
          const items = operands[0];
          if (!Array.isArray(items)) break;
          for (const item of items) {
            if (item instanceof Uint8Array) show(item);
            else if (typeof item === 'number') {
              const d = (-item / 1000) * s.size;
              tm = s.font?.vertical ? mul([1, 0, 0, 1, 0, d], tm) : mul([1, 0, 0, 1, d * s.scale, 0], tm);
            }
          }
          run++;
          break;
        }
        case 'm':
          current = [point(n(0), n(1))];
          cursor = [n(0), n(1)];
          path.push(current);
          break;
        case 'l':
          if (!current) {
            current = [point(cursor[0], cursor[1])];
            path.push(current);
          }
          current.push(point(n(0), n(1)));
          cursor = [n(0), n(1)];
          break;
        case 'c':
          cursor = [n(4), n(5)];
          current = [point(cursor[0], cursor[1])];
          path.push(current);
          break;
        case 'v':
        case 'y':
          cursor = [n(2), n(3)];
          current = [point(cursor[0], cursor[1])];
          path.push(current);
          break;
        case 'h':
          if (current && current.length > 1) current.push(current[0] as [number, number]);
          break;
        case 're': {
          const [x, y, rw, rh] = [n(0), n(1), n(2), n(3)];
          rects.push([point(x, y), point(x + rw, y), point(x + rw, y + rh), point(x, y + rh), point(x, y)]);
          current = undefined;
          cursor = [x, y];
          break;
        }
        case 'S':
        case 's':
          if (t.op === 's' && current && current.length > 1) current.push(current[0] as [number, number]);
          stroke();
          endPath();
          break;
        case 'f':
        case 'F':
        case 'f*':
          fill();
          endPath();
          break;
        case 'B':
        case 'B*':
        case 'b':
        case 'b*':
          stroke();
          endPath();
          break;
        case 'n':
          endPath();
          break;
        case 'Do': {
          const name = operands[0];
          if (!(name instanceof PdfName) || depth >= MAX_FORM_DEPTH) break;
          const xo = file.resolve(xobjects?.get(name.name));
          if (!(xo instanceof PdfStream)) break;
          const sub = file.resolve(xo.dict.get('Subtype'));
          if (!(sub instanceof PdfName) || sub.name !== 'Form') break;
          const data = file.streamData(xo);
          if (!data) break;
          const matrix = file.resolve(xo.dict.get('Matrix'));
          const m = Array.isArray(matrix) && matrix.length === 6 ? (matrix.map((v) => asNumber(file.resolve(v))) as Matrix) : IDENTITY;
          const res = file.dictOf(xo.dict.get('Resources')) ?? resources;
          run1(data, res, { ...s, ctm: mul(m, s.ctm) }, depth + 1);
          break;
        }
        case 'BI':
          skipInlineImage(lexer);
          break;
      }
      operands.length = 0;
    }
  };

  run1(
    file.pageContent(page),
    page.resources,
    { ctm: IDENTITY, font: undefined, size: 0, charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0, rise: 0 },
    0,
  );
  return out;
}

/** Skips an inline image: its dictionary, `ID`, binary data and `EI`. */
function skipInlineImage(lexer: Lexer): void {
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) {
    if (t instanceof PdfOp && t.op === 'ID') break;
  }
  const b = lexer.bytes;
  let i = lexer.pos + 1;
  for (; i + 1 < b.length; i++) {
    if (b[i] === 0x45 && b[i + 1] === 0x49 && isSpace(b[i - 1] as number) && (i + 2 >= b.length || isSpace(b[i + 2] as number))) break;
  }
  lexer.pos = Math.min(b.length, i + 2);
}
