import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readReportBytes } from '../../ingest/index.ts';
import { cellValues } from '../../report/index.ts';
import { changedShare, decodeGrayPng } from '../../testing/png.ts';
import { randomReport } from '../../testing/random-report.ts';
import { libreOfficeToPdf, pdfToPngs, TEST_FONTCONFIG } from '../../testing/tools.ts';
import { renderDocx } from '../docx/render-docx.ts';
import { BrowserMissingError } from './browser.ts';
import { PdfRenderer, renderPdf } from './render-pdf.ts';

// Golden pages at 40 dpi; a page passes when under 0.2% of its pixels changed (antialiasing
// and font hinting differ a little between machines; a moved line or another text does not).
const DPI = 40;
const TOLERANCE = 0.002;
let renderer: PdfRenderer;
before(async () => {
  // The tests' fonts only (Noto CJK, DejaVu): what else the machine has must not change a page.
  renderer = await PdfRenderer.start({ fontconfigFile: TEST_FONTCONFIG });
});
after(async () => {
  await renderer?.close();
});

test('PDF: reports rendered through one Chromium read back to the same cells, agency and year', async () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const report = randomReport(seed, { blanks: seed % 2 === 0 });
    const pdf = await renderer.render(report);
    assert.equal(new TextDecoder().decode(pdf.subarray(0, 5)), '%PDF-');
    const back = await readReportBytes(`r${seed}.pdf`, pdf);
    assert.deepEqual(cellValues(back), cellValues(report), `seed ${seed}`);
    assert.deepEqual([back.meta.agency, back.meta.year], [report.meta.agency, report.meta.year]);
    assert.ok(Object.values(back.cells).every((c) => c.source?.page !== undefined && c.source.x !== undefined));
  }
});

test('PDF: pages match the reviewed golden images within a tolerance (UPDATE=1 rewrites them)', async () => {
  const pdf = await renderer.render(randomReport(7, { format: '2021' }));
  const pages = pdfToPngs(pdf, DPI);
  assert.ok(pages.length >= 3 && pages.length <= 8, `${pages.length} pages`);
  for (const [i, png] of pages.entries()) {
    const file = fileURLToPath(new URL(`./fixtures/report-7-p${i + 1}.png`, import.meta.url));
    if (process.env.UPDATE === '1' || !existsSync(file)) {
      assert.ok(process.env.UPDATE === '1', `golden image ${file} is missing: run with UPDATE=1 and review it`);
      writeFileSync(file, png);
    }
    const share = changedShare(decodeGrayPng(png), decodeGrayPng(new Uint8Array(readFileSync(file))));
    assert.ok(share < TOLERANCE, `page ${i + 1}: ${(share * 100).toFixed(3)}% of pixels differ from its golden image`);
  }
  const extra = fileURLToPath(new URL(`./fixtures/report-7-p${pages.length + 1}.png`, import.meta.url));
  assert.ok(!existsSync(extra), `the golden images have a page ${pages.length + 1} the PDF no longer has`);
});

test('PDF: table 三 moves to the next page whole rather than split, whatever the section texts', async () => {
  // Texts of section 二 of several lengths put table 三's start anywhere on its page.
  for (const lines of [0, 2, 4, 6, 8, 10]) {
    const report = randomReport(7, { format: '2021' });
    const two = report.sections.find((s) => s.id === 2);
    if (two) two.text = Array.from({ length: lines }, () => '本机关主动公开政府信息的情况见下表。').join('\n');
    const back = await readReportBytes('long.pdf', await renderer.render(report));
    const pageOf = (key: string) => back.cells[key]?.source?.page;
    assert.equal(pageOf('b.new.natural'), pageOf('b.carried_out.total'), `table 三 split over two pages (${lines} lines before)`);
  }
});

test('PDF: concurrent renders through one renderer each get their own page', async () => {
  const reports = [randomReport(21), randomReport(22), randomReport(23)];
  const pdfs = await Promise.all(reports.map((r) => renderer.render(r)));
  for (const [i, pdf] of pdfs.entries()) assert.deepEqual(cellValues(await readReportBytes(`c${i}.pdf`, pdf)), cellValues(reports[i] as never));
});

test('PDF: a blank page and another report differ from the golden image (the comparison can fail)', async () => {
  const golden = decodeGrayPng(new Uint8Array(readFileSync(fileURLToPath(new URL('./fixtures/report-7-p1.png', import.meta.url)))));
  const other = decodeGrayPng(pdfToPngs(await renderer.render(randomReport(8, { format: '2019' })), DPI, { first: 1, last: 1 })[0] as Uint8Array);
  assert.ok(changedShare(golden, other) >= TOLERANCE);
  const blank = { ...golden, pixels: new Uint8Array(golden.pixels.length).fill(255) };
  assert.ok(changedShare(golden, blank) >= TOLERANCE);
});

test('PDF: missing Chromium is a clear error naming the Debian package', async () => {
  const saved = process.env.GONGKAI_CHROMIUM;
  process.env.GONGKAI_CHROMIUM = '/nonexistent/chromium';
  try {
    await assert.rejects(renderPdf(randomReport(1)), (e: unknown) => e instanceof BrowserMissingError && /apt-get install chromium/.test(e.message));
  } finally {
    if (saved === undefined) delete process.env.GONGKAI_CHROMIUM;
    else process.env.GONGKAI_CHROMIUM = saved;
  }
});

test('DOCX opens in LibreOffice: converted headless to PDF, it reads back to the same cells', async () => {
  const report = randomReport(9, { format: '2021' });
  const pdf = libreOfficeToPdf(await renderDocx(report));
  const back = await readReportBytes('lo.pdf', pdf);
  assert.deepEqual(cellValues(back), cellValues(report));
  assert.equal(back.meta.agency, report.meta.agency);
});
