import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PdfRenderer } from '../../render/index.ts';
import { cellValues } from '../../report/index.ts';
import { randomReport } from '../../testing/random-report.ts';
import { locate } from '../locate/locate.ts';
import { readPdf } from './read-pdf.ts';

let renderer: PdfRenderer;
before(async () => {
  renderer = await PdfRenderer.start();
});
after(async () => {
  await renderer?.close();
});

test('read-pdf: our parser and pdf.js give the same cells and the same glyphs for the same bytes', async () => {
  for (const seed of [3, 8, 21]) {
    const report = randomReport(seed);
    const pdf = await renderer.render(report);
    const own = await readPdf(`r${seed}.pdf`, pdf);
    const pdfjs = await readPdf(`r${seed}.pdf`, pdf, 'pdfjs');
    assert.deepEqual(cellValues(locate(own)), cellValues(report), `seed ${seed}: own parser`);
    assert.deepEqual(cellValues(locate(pdfjs)), cellValues(report), `seed ${seed}: pdf.js`);
    // The same glyphs (cells join wrapped labels, so the order differs where labels wrap).
    const glyphs = (d: typeof own) =>
      [...d.lines.map((l) => l.text).join('')]
        .filter((c) => c.trim() !== '')
        .sort()
        .join('');
    assert.equal(glyphs(own), glyphs(pdfjs), `seed ${seed}: text`);
  }
});

test('read-pdf: blank cells of a ruled table are read as blank where they stand, with their cell box', async () => {
  const report = randomReport(5, { blanks: true });
  const doc = await readPdf('blanks.pdf', await renderer.render(report));
  const back = locate(doc);
  assert.deepEqual(cellValues(back), cellValues(report));
  const cell = back.cells['b.new.natural'];
  assert.ok(cell?.source?.page && cell.source.width && cell.source.height, 'provenance keeps the page and the cell box');
  // Chromium's Noto faces give 「⼀」「⼆」 (Kangxi radicals) for 一 and 二: headings still found.
  assert.deepEqual(
    back.sections.map((s) => s.heading),
    report.sections.map((s) => s.heading),
  );
});
