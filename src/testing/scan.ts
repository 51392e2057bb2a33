import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { readReportBytes } from '../ingest/index.ts';
import { rasterisePdf, type RgbImage } from '../ingest/ocr/raster.ts';
import { findTables } from '../ingest/pdf/grid.ts';
import { parsePdf } from '../ingest/pdf/parse/index.ts';
import type { PdfRenderer } from '../render/index.ts';
import type { Report } from '../report/index.ts';
import { randomReport } from './random-report.ts';
import { Random } from './random.ts';

/** How a page was scanned: resolution, skew (degrees), noise (share of pixels), JPEG quality, seal. */
export interface ScanOptions {
  dpi: number;
  skew: number;
  noise: number;
  quality: number;
  seal: boolean;
}

/** A scan of a report: the container, its bytes, and the cells each page shows (key → value). */
export interface ScanCase {
  name: string;
  report: Report;
  options: ScanOptions;
  container: 'pdf' | 'png' | 'jpg';
  bytes: Uint8Array;
  /** What must be read back: every cell for a PDF, the cells of the page for an image. */
  expected: Record<string, number | null>;
}

/** Scanning conditions for a seed: 150–300 dpi, ±2°, a little noise, JPEG 55–90, a seal mostly. */
export function scanOptions(seed: number): ScanOptions {
  const rng = new Random(seed * 7919 + 13);
  return {
    dpi: rng.pick([150, 200, 240, 300]),
    skew: Math.round((rng.next() * 4 - 2) * 100) / 100,
    noise: Math.round((0.001 + rng.next() * 0.004) * 10000) / 10000,
    quality: rng.int(55, 90),
    seal: rng.chance(0.85),
  };
}

/** The page turned by `deg` about its centre (bilinear, paper outside), as a skewed scan. */
export function rotateRgb(img: RgbImage, deg: number): RgbImage {
  const a = (-deg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const { width, height } = img;
  const out = new Uint8Array(img.data.length).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x - width / 2;
      const dy = y - height / 2;
      const sx = width / 2 + dx * cos - dy * sin;
      const sy = height / 2 + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i00 = (y0 * width + x0) * 3;
      const i01 = i00 + width * 3;
      const o = (y * width + x) * 3;
      for (let ch = 0; ch < 3; ch++) {
        const d = img.data;
        const v =
          ((d[i00 + ch] as number) * (1 - fx) + (d[i00 + 3 + ch] as number) * fx) * (1 - fy) +
          ((d[i01 + ch] as number) * (1 - fx) + (d[i01 + 3 + ch] as number) * fx) * fy;
        out[o + ch] = Math.round(v);
      }
    }
  }
  return { ...img, data: out };
}

/**
 * An official seal stamped at (cx, cy) pixels: a red ring, a five-pointed star and a band of
 * strokes, multiplied over the page as ink is (black text stays black under it).
 */
export function stampSeal(img: RgbImage, cx: number, cy: number): void {
  const r = img.dpi * 0.8;
  const ring = img.dpi * 0.05;
  const star = r * 0.35;
  const inStar = (x: number, y: number) => {
    // A point is in the star when it is inside the pentagram's outline (polar test).
    const ang = Math.atan2(y, x) + Math.PI / 2;
    const d = Math.hypot(x, y);
    const k = (((ang % ((2 * Math.PI) / 5)) + (2 * Math.PI) / 5) % ((2 * Math.PI) / 5)) / ((2 * Math.PI) / 5);
    const edge = star * (0.4 + 0.6 * Math.abs(1 - 2 * k));
    return d < edge;
  };
  for (let y = Math.max(0, Math.floor(cy - r - ring)); y < Math.min(img.height, cy + r + ring); y++) {
    for (let x = Math.max(0, Math.floor(cx - r - ring)); x < Math.min(img.width, cx + r + ring); x++) {
      const d = Math.hypot(x - cx, y - cy);
      const band = d > r * 0.62 && d < r * 0.8 && Math.floor(Math.atan2(y - cy, x - cx) * 18) % 2 === 0 && y < cy;
      if (Math.abs(d - r) < ring || inStar(x - cx, y - cy) || band) {
        const i = (y * img.width + x) * 3;
        img.data[i] = Math.round(((img.data[i] as number) * 225) / 255);
        img.data[i + 1] = Math.round(((img.data[i + 1] as number) * 40) / 255);
        img.data[i + 2] = Math.round(((img.data[i + 2] as number) * 45) / 255);
      }
    }
  }
}

/** Scanner noise: specks of dust and dropouts on a share of the pixels, and a little grain everywhere. */
export function addNoise(img: RgbImage, share: number, rng: Random): void {
  for (let i = 0; i < img.width * img.height; i++) {
    const grain = rng.int(-10, 10);
    const speck = rng.chance(share) ? (rng.chance(0.5) ? -200 : 200) : 0;
    for (let ch = 0; ch < 3; ch++) img.data[i * 3 + ch] = Math.max(0, Math.min(255, (img.data[i * 3 + ch] as number) + grain + speck));
  }
}

/** RGB → RGBA, the layout jpeg-js and pngjs take. */
function rgba(img: RgbImage): Buffer {
  const out = Buffer.alloc(img.width * img.height * 4, 255);
  for (let i = 0; i < img.width * img.height; i++) out.set(img.data.subarray(i * 3, i * 3 + 3), i * 4);
  return out;
}

/** A JPEG of the image at a quality (JFIF, stating its resolution). */
export function encodeJpeg(img: RgbImage, quality: number): Uint8Array {
  const bytes = new Uint8Array(jpeg.encode({ width: img.width, height: img.height, data: rgba(img) }, quality).data);
  return bytes;
}

/** A PNG of the image. */
export function encodePng(img: RgbImage): Uint8Array {
  const png = new PNG({ width: img.width, height: img.height });
  png.data = rgba(img);
  return new Uint8Array(PNG.sync.write(png));
}

/** An image-only PDF: each page one JPEG (DCTDecode) filling it, as scanners write them. */
export function imagePdf(pages: readonly { jpeg: Uint8Array; width: number; height: number; dpi: number }[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Uint8Array | string) => {
    const bytes = typeof b === 'string' ? enc.encode(b) : b;
    parts.push(bytes);
    length += bytes.length;
  };
  const obj = (n: number, body: (string | Uint8Array)[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    for (const b of body) push(b);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  obj(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  obj(2, [`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`]);
  pages.forEach((p, i) => {
    const [page, image, content] = [3 + i * 3, 4 + i * 3, 5 + i * 3];
    const w = (p.width * 72) / p.dpi;
    const h = (p.height * 72) / p.dpi;
    obj(page, [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
    ]);
    obj(image, [
      `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`,
      p.jpeg,
      '\nendstream',
    ]);
    const ops = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    obj(content, [`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`]);
  });
  const xref = length;
  const count = 3 + pages.length * 3;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The page's largest ruled table, in pixels at `dpi`, where the seal goes. */
function largestTable(pdf: Uint8Array, page: number, dpi: number): { x: number; y: number; w: number; h: number } | undefined {
  const geometry = parsePdf(pdf)[page - 1];
  if (!geometry) return undefined;
  const tables = findTables(geometry.segments).sort((a, b) => (b.x1 - b.x0) * (b.y1 - b.y0) - (a.x1 - a.x0) * (a.y1 - a.y0));
  const t = tables[0];
  const px = dpi / 72;
  return t ? { x: t.x0 * px, y: t.y0 * px, w: (t.x1 - t.x0) * px, h: (t.y1 - t.y0) * px } : undefined;
}

/**
 * Scans of a random report (seed): printed by Chromium, rasterised at the options' dpi, each page
 * skewed, stamped with a seal over its largest table (when the options say so), noised and
 * JPEG-compressed; then wrapped as an image-only PDF, or — `container` png/jpg — the page with
 * table B alone as an image file.
 */
export async function scanCase(renderer: PdfRenderer, seed: number, container: ScanCase['container']): Promise<ScanCase> {
  const report = randomReport(seed);
  const options = scanOptions(seed);
  const rng = new Random(seed);
  const pdf = await renderer.render(report);
  const clean = await readReportBytes('clean.pdf', pdf);
  const pageOf = (key: string) => clean.cells[key]?.source?.page;
  const pageCount = parsePdf(pdf).length;
  const bPage = pageOf('b.new.natural') ?? 1;
  // An image file holds table B's page alone: only that page is scanned.
  const pages = container === 'pdf' ? Array.from({ length: pageCount }, (_, i) => i + 1) : [bPage];
  const images = (await rasterisePdf(pdf, pages, options.dpi)) as Map<number, RgbImage>;
  const scanned = new Map<number, RgbImage>();
  for (const [page, img] of images) {
    let out = rotateRgb(img, options.skew);
    const table = options.seal ? largestTable(pdf, page, options.dpi) : undefined;
    if (table) stampSeal(out, table.x + table.w * (0.3 + rng.next() * 0.5), table.y + table.h * (0.2 + rng.next() * 0.6));
    addNoise(out, options.noise, rng);
    out = { ...out };
    scanned.set(page, out);
  }
  const all = Object.fromEntries(Object.entries(report.cells).map(([k, c]) => [k, c.value]));
  const name = `scan-${seed}-${options.dpi}dpi-${options.skew}deg-q${options.quality}${options.seal ? '-seal' : ''}.${container}`;
  if (container === 'pdf') {
    const pages = [...scanned.values()].map((img) => ({
      jpeg: encodeJpeg(img, options.quality),
      width: img.width,
      height: img.height,
      dpi: img.dpi,
    }));
    return { name, report, options, container, bytes: imagePdf(pages), expected: all };
  }
  const img = scanned.get(bPage) as RgbImage;
  // A JPEG file is the lossy one; a PNG keeps the noise and skew but no compression artefacts.
  const bytes = container === 'jpg' ? encodeJpeg(img, options.quality) : encodePng(img);
  const expected = Object.fromEntries(Object.entries(all).filter(([k]) => pageOf(k) === bPage));
  return { name, report, options, container, bytes, expected };
}

/** How a scan read back: cells expected, read exactly, missing, wrong (and which of those the reader flagged). */
export interface ScanScore {
  cells: number;
  exact: number;
  missing: string[];
  wrong: { key: string; expected: number | null; read: number | null; flagged: boolean }[];
  /** Cells read right but flagged low-confidence (review work, not an error). */
  flaggedRight: number;
}

/** Compares a scan read back with what its pages show. */
export function scoreScan(c: ScanCase, back: Report): ScanScore {
  const flagged = new Set(back.messages.filter((m) => m.rule === 'ocr-low-confidence').flatMap((m) => m.keys ?? []));
  const score: ScanScore = { cells: 0, exact: 0, missing: [], wrong: [], flaggedRight: 0 };
  for (const [key, expected] of Object.entries(c.expected)) {
    score.cells++;
    const cell = back.cells[key];
    if (!cell) score.missing.push(key);
    else if (cell.value === expected) {
      score.exact++;
      if (flagged.has(key)) score.flaggedRight++;
    } else score.wrong.push({ key, expected, read: cell.value, flagged: flagged.has(key) });
  }
  return score;
}
