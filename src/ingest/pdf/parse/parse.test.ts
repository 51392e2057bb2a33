import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { minimalPdf } from '../../../testing/fixtures.ts';
import { qpdf } from '../../../testing/tools.ts';
import { parseCMap } from './cmap.ts';
import { PdfPasswordError, PdfSyntaxError, parsePdf } from './index.ts';
import { Lexer, PdfDict, PdfName, PdfOp, PdfRef } from './objects.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (pdf: Uint8Array) => parsePdf(pdf).map((p) => p.chars.map((c) => c.text).join(''));

test('lexer: numbers, references, names, strings, arrays, dictionaries and operators', () => {
  const lexer = new Lexer(bytes('12 0 R -3.5 .25 /A#20B (a\\(b\\)\\101\\n(c)) <48 65 6C6C 6F7> [1 /X] << /K 2 0 R /S (x) >> Tj true null'));
  const all = [];
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) all.push(t);
  assert.ok(all[0] instanceof PdfRef && all[0].num === 12 && all[0].gen === 0);
  assert.equal(all[1], -3.5);
  assert.equal(all[2], 0.25);
  assert.equal(all[3], PdfName.of('A B'));
  assert.equal(new TextDecoder().decode(all[4] as Uint8Array), 'a(b)A\n(c)');
  assert.equal(new TextDecoder().decode(all[5] as Uint8Array), 'Hellop');
  assert.deepEqual(all[6], [1, PdfName.of('X')]);
  const dict = all[7] as PdfDict;
  assert.ok(dict instanceof PdfDict && dict.get('K') instanceof PdfRef);
  assert.ok(all[8] instanceof PdfOp && all[8].op === 'Tj');
  assert.deepEqual(all.slice(9), [true, null]);
});

test('lexer: in content streams `R` is not a reference', () => {
  const lexer = new Lexer(bytes('1 0 0 1 0 0 cm'), 0, false);
  const all = [];
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) all.push(t);
  assert.equal(all.length, 7);
});

test('CMap: code space ranges, bfchar and bfrange (with arrays) give the text of each code', () => {
  const cmap = parseCMap(
    bytes(
      '1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0003> <0020> <0010> <4E2D> endbfchar ' +
        '2 beginbfrange <0020> <0022> <0031> <0030> <0031> [<6587> <D83DDE00>] endbfrange',
    ),
  );
  assert.deepEqual(
    cmap.codes(Uint8Array.of(0, 16, 0, 33)).map((c) => c.code),
    [0x10, 0x21],
  );
  assert.equal(cmap.unicode.get(0x10), '中');
  assert.equal(cmap.unicode.get(0x22), '3');
  assert.equal(cmap.unicode.get(0x30), '文');
  assert.equal(cmap.unicode.get(0x31), '😀');
  assert.equal(cmap.unicode.get(3), ' ');
});

test('parser: text of a plain file, page by page, at the place it is drawn', () => {
  const pages = parsePdf(minimalPdf([['Hello (world)', 'Line 2'], ['Page two']]));
  assert.deepEqual(
    pages.map((p) => p.chars.map((c) => c.text).join('')),
    ['Hello (world)Line 2', 'Page two'],
  );
  const h = pages[0]?.chars[0];
  // The quote operator moves down by the leading (TL 14) before showing: lines at 706 and 692.
  assert.ok(h && Math.abs(h.x - 72) < 0.01 && Math.abs(h.y - (842 - 706)) < 0.01 && h.size === 12);
  const line2 = pages[0]?.chars.find((c) => c.text === 'L');
  assert.ok(line2 && Math.abs(line2.y - (842 - 692)) < 0.01);
});

test('parser: object streams and cross-reference streams (qpdf) read like the plain file', () => {
  const plain = minimalPdf([['Hello', 'World'], ['Two']]);
  assert.deepEqual(text(qpdf(plain, ['--object-streams=generate'])), text(plain));
});

test('parser: files protected without a user password open (RC4 40/128, AES-128, AES-256)', () => {
  const plain = minimalPdf([['Protected against copying'], ['page 2']]);
  const weak = ['--allow-weak-crypto', '--encrypt', '', 'owner'];
  for (const args of [
    [...weak, '40', '--'],
    [...weak, '128', '--use-aes=n', '--'],
    [...weak, '128', '--use-aes=y', '--'],
    ['--object-streams=generate', '--encrypt', '', 'owner', '256', '--'],
  ]) {
    assert.deepEqual(text(qpdf(plain, args)), ['Protected against copying', 'page 2'], args.join(' '));
  }
});

test('parser: a file that needs a user password is refused as such', () => {
  const locked = qpdf(minimalPdf([['secret']]), ['--encrypt', 'pw', 'owner', '256', '--']);
  assert.throws(() => parsePdf(locked), PdfPasswordError);
});

test('parser: a wrong startxref offset is repaired by scanning for objects; a truncated file is refused', () => {
  const plain = minimalPdf([['Hello']]);
  const s = new TextDecoder('latin1').decode(plain).replace(/startxref\n\d+/, 'startxref\n7');
  assert.deepEqual(text(Uint8Array.from(s, (c) => c.charCodeAt(0))), ['Hello']);
  assert.throws(() => parsePdf(plain.subarray(0, Math.floor(plain.length / 3))), PdfSyntaxError);
});

/** A one-page PDF with the given content stream (Flate-compressed) and one Helvetica font. */
const HELVETICA =
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 48 /LastChar 57 /Widths [500 500 500 500 500 500 500 500 500 500] >>';

function pageWith(content: string, rotate = 0, font = HELVETICA): Uint8Array {
  const data = deflateSync(Buffer.from(content, 'latin1'));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Rotate ${rotate} /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n${data.toString('latin1')}\nendstream`,
    font,
  ];
  let body = '%PDF-1.5\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(body, (c) => c.charCodeAt(0));
}

test('content: rulings from stroked lines, stroked rectangles and thin filled rectangles; thick fills are not rulings', () => {
  const [page] = parsePdf(pageWith('0 0 m 100 0 l S 10 10 50 20 re S 0 100 200 0.5 re f 0 200 300 300 re f q 2 0 0 2 0 0 cm 10 300 m 10 350 l S Q'));
  const segs = page?.segments ?? [];
  // 1 line + 4 rectangle sides + 1 thin fill + 1 scaled vertical line.
  assert.equal(segs.length, 7);
  assert.ok(segs.some((s) => s.x1 === 0 && s.x2 === 200 && Math.abs(s.y1 - (800 - 100.25)) < 0.01));
  assert.ok(
    segs.some((s) => s.x1 === 20 && s.x2 === 20 && s.y1 === 800 - 700 && s.y2 === 800 - 600),
    'the CTM applies',
  );
});

test('content: text matrix, TJ spacing, character spacing and form XObjects place the glyphs', () => {
  const [page] = parsePdf(pageWith('BT /F1 10 Tf 1 0 0 1 100 700 Tm [(1) -500 (2)] TJ 2 Tc (34) Tj ET'));
  const xs = (page?.chars ?? []).map((c) => [c.text, Math.round(c.x * 10) / 10]);
  assert.deepEqual(xs, [
    ['1', 100],
    ['2', 110],
    ['3', 115],
    ['4', 122],
  ]);
});

test('content: 200,000 nested q operators and an endless operator stream end quickly and safely', () => {
  const [page] = parsePdf(pageWith(`${'q '.repeat(200_000)}BT /F1 10 Tf 100 700 Td (5) Tj ET${' Q'.repeat(200_000)}`));
  assert.equal(page?.chars.map((c) => c.text).join(''), '5');
  assert.throws(() => parsePdf(pageWith('0 0 m '.repeat(3_100_000))), PdfSyntaxError);
});

test('content: a landscape page (/Rotate 90, text drawn turned) reads upright, left to right', () => {
  const [page] = parsePdf(pageWith('BT /F1 10 Tf 0 1 -1 0 300 100 Tm (123) Tj ET', 90));
  assert.ok(page);
  assert.deepEqual([page.width, page.height], [800, 600]);
  const chars = page.chars;
  assert.deepEqual(
    chars.map((c) => c.text),
    ['1', '2', '3'],
  );
  assert.ok(chars.every((c) => !c.vertical && Math.abs(c.y - 300) < 0.01 && c.size === 10));
  assert.deepEqual(
    chars.map((c) => Math.round(c.x)),
    [100, 105, 110],
  );
});

test('fonts: a non-embedded Chinese font in GBK-EUC-H (older files) reads from its GBK bytes', () => {
  const font =
    '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /GBK-EUC-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>] >>';
  const [page] = parsePdf(pageWith('BT /F1 10 Tf 100 700 Td <D6D0CEC4> Tj (12) Tj <B9B2> Tj ET', 0, font));
  assert.deepEqual(
    page?.chars.map((c) => [c.text, Math.round(c.x)]),
    [
      ['中', 100],
      ['文', 110],
      ['1', 120],
      ['2', 125],
      ['共', 130],
    ],
  );
});
