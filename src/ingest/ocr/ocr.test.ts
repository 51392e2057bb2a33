import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addNoise, encodeJpeg, encodePng, imagePdf, rotateRgb, stampSeal } from '../../testing/scan.ts';
import { Random } from '../../testing/random.ts';
import { readReportBytes } from '../index.ts';
import { findTables } from '../pdf/grid.ts';
import { cropCell } from './crop.ts';
import { snapLabel } from './labels.ts';
import type { RgbImage } from './raster.ts';
import { decodeImage } from './raster.ts';
import { LOW_CONFIDENCE, ocrFindings } from './review.ts';
import { dropRed, estimateSkew, findRulings, inkMask, otsu, rotate } from './rulings.ts';
import { parseTsv } from './tesseract.ts';

/** A white page at 150 dpi with a ruled grid of `rows` × `cols` cells and a dash of text in each. */
function gridPage(rows: number, cols: number): RgbImage {
  const dpi = 150;
  const [width, height] = [1240, 1754];
  const data = new Uint8Array(width * height * 3).fill(255);
  const ink = (x: number, y: number) => data.fill(20, (y * width + x) * 3, (y * width + x) * 3 + 3);
  const [x0, y0, cw, rh] = [150, 300, 160, 50];
  for (let r = 0; r <= rows; r++) for (let x = x0; x <= x0 + cols * cw; x++) for (let t = 0; t < 2; t++) ink(x, y0 + r * rh + t);
  for (let c = 0; c <= cols; c++) for (let y = y0; y <= y0 + rows * rh; y++) for (let t = 0; t < 2; t++) ink(x0 + c * cw + t, y);
  // A short stroke in each cell: text, not a ruling.
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) for (let x = 0; x < 20; x++) for (let t = 0; t < 3; t++) ink(x0 + c * cw + 60 + x, y0 + r * rh + 24 + t);
  return { width, height, data, dpi };
}

test('rulings: a grid scanned skewed 1.5°, noised, JPEG-compressed and sealed is found straight, cell by cell', () => {
  let page = rotateRgb(gridPage(12, 5), 1.5);
  stampSeal(page, 500, 600);
  addNoise(page, 0.003, new Random(1));
  page = decodeImage(encodeJpeg(page, 60));
  let gray = dropRed(page);
  const threshold = otsu(gray);
  const skew = estimateSkew(gray, inkMask(gray, threshold));
  assert.ok(Math.abs(skew - 1.5) < 0.15, `skew found ${skew}`);
  gray = rotate(gray, skew);
  const tables = findTables(findRulings(gray, inkMask(gray, threshold)));
  assert.equal(tables.length, 1);
  const t = tables[0];
  assert.equal(t?.cells.length, 60);
  assert.equal(t?.xs.length, 6);
  assert.equal(t?.ys.length, 13);
});

test('rulings: the red of a seal is paper, black text under it stays ink', () => {
  const page = gridPage(2, 2);
  stampSeal(page, 300, 330);
  const gray = dropRed(page);
  // The ring's red at its top (no ruling there) is white; a ruling crossing the seal stays dark.
  assert.equal(gray.pixels[(330 - 120) * page.width + 300], 255);
  assert.ok((gray.pixels[300 * page.width + 300] as number) < 100);
});

test('images: PNG and JPEG decode to the same page, resolution from the width when not stated', () => {
  const page = gridPage(2, 2);
  const png = decodeImage(encodePng(page));
  assert.deepEqual([png.width, png.height, png.dpi], [1240, 1754, 150]);
  assert.deepEqual(png.data, page.data);
  const jpg = decodeImage(encodeJpeg(page, 90));
  assert.equal(jpg.width, 1240);
  assert.throws(() => decodeImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])));
});

test('tesseract TSV: words by image with their boxes, lines and confidence', () => {
  const tsv = [
    'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
    '1\t1\t0\t0\t0\t0\t0\t0\t100\t40\t-1\t',
    '5\t1\t1\t1\t1\t1\t10\t5\t30\t20\t96.5\t138',
    '5\t2\t1\t1\t1\t1\t12\t6\t40\t22\t41.2\t1l',
    '5\t2\t1\t1\t1\t2\t60\t6\t40\t22\t90\t 申请 ',
  ].join('\n');
  const pages = parseTsv(tsv);
  assert.equal(pages.get(1)?.[0]?.text, '138');
  assert.equal(pages.get(1)?.[0]?.conf, 96.5);
  assert.deepEqual(
    pages.get(2)?.map((w) => [w.text, w.line]),
    [
      ['1l', '1.1.1'],
      ['申请', '1.1.1'],
    ],
  );
});

test('ocr-low-confidence: unsure cells by key; a row with a doubtful cell flags its values; sure cells pass', () => {
  const cell = (key: string, value: number, x: number, y: number) => ({
    key,
    value,
    raw: String(value),
    source: { file: 'f', page: 2, x, y, width: 40, height: 20 },
  });
  const cells = {
    'b.new.natural': cell('b.new.natural', 5, 100, 100),
    'b.new.business': cell('b.new.business', 7, 140, 100),
    'b.granted.natural': cell('b.granted.natural', 3, 100, 120),
    'b.granted.business': cell('b.granted.business', 4, 140, 120),
  };
  const ocr = [
    { page: 2, x0: 100, y0: 100, x1: 140, y1: 120, text: '5', conf: 95 },
    { page: 2, x0: 140, y0: 100, x1: 180, y1: 120, text: '7', conf: LOW_CONFIDENCE - 20 },
    { page: 2, x0: 20, y0: 120, x1: 100, y1: 140, text: '予以公开 3', conf: 40 },
    { page: 2, x0: 100, y0: 120, x1: 140, y1: 140, text: '3', conf: 97 },
    { page: 2, x0: 140, y0: 120, x1: 180, y1: 140, text: '4', conf: 97 },
  ];
  const findings = ocrFindings('f', cells, ocr);
  assert.deepEqual(findings.map((f) => f.keys?.[0]).sort(), ['b.granted.business', 'b.granted.natural', 'b.new.business']);
  assert.ok(findings.every((f) => f.rule === 'ocr-low-confidence' && f.severity === 'warning' && f.source?.page === 2));
  assert.match(findings.find((f) => f.keys?.[0] === 'b.new.business')?.message ?? '', /第2页单元格「7」由文字识别读出，置信度 65/);
});

test('without tesseract: a scanned PDF says which packages to install, an image file is refused saying so', async () => {
  const before = process.env.GONGKAI_TESSERACT;
  process.env.GONGKAI_TESSERACT = '/nonexistent/tesseract';
  try {
    const page = gridPage(3, 3);
    const pdf = imagePdf([{ jpeg: encodeJpeg(page, 80), width: page.width, height: page.height, dpi: page.dpi }]);
    const report = await readReportBytes('scan.pdf', pdf);
    const finding = report.messages.find((m) => m.rule === 'pdf-no-text');
    assert.match(finding?.message ?? '', /扫描件，无文字层.*需要安装 tesseract-ocr 和 tesseract-ocr-chi-sim 才能识别扫描件/);
    assert.equal(report.meta.ocr, undefined);
    await assert.rejects(readReportBytes('table.png', encodePng(page)), /需要安装 tesseract-ocr 和 tesseract-ocr-chi-sim/);
  } finally {
    if (before === undefined) delete process.env.GONGKAI_TESSERACT;
    else process.env.GONGKAI_TESSERACT = before;
  }
});

test('labels: an OCR misreading of a label of the standard is put right; other text and exact labels are kept', () => {
  assert.equal(snapLabel('8.属于行政査询事顶'), '8.属于行政查询事项');
  assert.equal(snapLabel('二、上年结转政府信息公开申请数里'), '二、上年结转政府信息公开申请数量');
  assert.equal(snapLabel('（三）不予公幵'), '（三）不予公开');
  // A label read with other punctuation is the standard's text (a point read as a space would
  // make its number a value); numbers and an agency's own words stay as read.
  assert.equal(snapLabel('3 其他'), '3.其他');
  assert.equal(snapLabel('8. 属于行政查询事项'), '8.属于行政查询事项');
  assert.equal(snapLabel('1024'), undefined);
  assert.equal(snapLabel('南岭县人民政府办公室'), undefined);
  // Too far from any label (more than a quarter of its characters): kept.
  assert.equal(snapLabel('属于某某某某事项'), undefined);
});

/** A gray page with `draw` inked on it (dark 30 on white). */
function grayPage(width: number, height: number, dpi: number, draw: (ink: (x: number, y: number) => void) => void) {
  const pixels = new Uint8Array(width * height).fill(255);
  draw((x, y) => (pixels[y * width + x] = 30));
  return { width, height, dpi, pixels };
}

test('cell crops: a skewed ruling left at the edge and specks of noise are dropped, a decimal point is kept', () => {
  const page = grayPage(200, 80, 300, (ink) => {
    // The cell's left ruling, a line 2 px thick the trim could not take (it runs 3 px into the box).
    for (let y = 0; y < 80; y++) for (let t = 0; t < 2; t++) ink(12 + t, y);
    // Two «digits» (bars 10 × 30) and a point low between them.
    for (let y = 25; y < 55; y++)
      for (let x = 0; x < 10; x++) {
        ink(80 + x, y);
        ink(110 + x, y);
      }
    for (let y = 50; y < 55; y++) for (let x = 0; x < 5; x++) ink(97 + x, y);
    // Specks: single pixels above and to the right.
    for (const [x, y] of [
      [150, 10],
      [170, 60],
      [60, 15],
    ] as const)
      ink(x, y);
  });
  const crop = cropCell(page, { x0: 10, y0: 2, x1: 198, y1: 78 }, 128) as { width: number; height: number; pixels: Uint8Array };
  assert.ok(crop);
  // The crop holds the digits and the point (40 px across, 30 high) and their margin, nothing more.
  assert.equal(crop.width - 40, 40);
  assert.equal(crop.height - 40, 30);
  const dark = crop.pixels.filter((p) => p < 128).length;
  assert.equal(dark, 2 * 300 + 25);
  // A box with specks only is blank.
  const specks = grayPage(100, 60, 300, (ink) => {
    ink(20, 20);
    ink(50, 30);
    ink(51, 30);
  });
  assert.equal(cropCell(specks, { x0: 2, y0: 2, x1: 98, y1: 58 }, 128), undefined);
});
