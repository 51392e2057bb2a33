// Property test of OCR: generated scans of random reports (src/testing/scan.ts: printed by
// Chromium, rasterised, skewed, noised, JPEG-compressed, a red seal over the table) read back.
// A small sample here (a whole report scanned into an image-only PDF; table B's page as a PNG,
// and the same image inside an HTML page); the full ≥30-report measurement is `npm run bench
// ocr`. Needs tesseract-ocr and its chi_sim data for the free text (scripts/test.sh installs
// them); skipped without them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestRenderer } from '../testing/print-pdfs.ts';
import { renderOfd } from '../testing/render-ofd.ts';
import { type ScanCase, scanCase, scoreScan } from '../testing/scan.ts';
import { readReportBytes } from './index.ts';
import { tesseractProgram } from './ocr/tesseract.ts';

// The figures this sample must reach: every wrong value flagged, and the share of cells exact.
const MIN_EXACT = 0.995;

async function check(c: ScanCase, bytes: Uint8Array, name: string, kind: string) {
  const back = await readReportBytes(name, bytes);
  const s = scoreScan(c, back);
  const unflagged = s.wrong.filter((w) => !w.flagged);
  assert.equal(back.meta.source.kind, kind);
  assert.equal(back.meta.ocr, true);
  assert.ok(back.messages.some((m) => m.rule === 'ocr' && m.severity === 'info'));
  assert.deepEqual(unflagged, [], `${c.name}: wrong values not flagged ocr-low-confidence`);
  assert.ok(s.exact / s.cells >= MIN_EXACT, `${c.name}: ${s.exact} of ${s.cells} cells exact, ${s.missing.length} missing, ${s.wrong.length} wrong`);
  return s;
}

test(
  'OCR property: a report scanned into a PDF; table B scanned (seal, skew, noise) as PNG, inside an HTML page and as an OFD page image, read back',
  { skip: !tesseractProgram() && 'tesseract not installed' },
  async (t) => {
    const renderer = await startTestRenderer();
    let c: ScanCase;
    let pdf: ScanCase;
    let jpg: ScanCase;
    try {
      c = await scanCase(renderer, 2001, 'png');
      pdf = await scanCase(renderer, 2002, 'pdf');
      jpg = await scanCase(renderer, 2003, 'jpg');
    } finally {
      await renderer.close();
    }
    const whole = await check(pdf, pdf.bytes, 'scan.pdf', 'pdf');
    assert.equal(whole.cells, Object.keys(pdf.report.cells).length);
    const png = await check(c, c.bytes, 'table.png', 'image');
    const html = `<html><head><meta charset="utf-8"><title>年度报告</title></head><body><p>政府信息公开工作年度报告</p><p><img src="data:image/png;base64,${Buffer.from(c.bytes).toString('base64')}"></p></body></html>`;
    const inPage = await check(c, new TextEncoder().encode(html), 'report.html', 'html');
    // A scan saved as OFD: the page is a JPEG image, read by OCR where it stands.
    const ofd = await check(jpg, renderOfd(jpg.report, { imageOnly: true, pageImages: [jpg.bytes] }), 'scan.ofd', 'ofd');
    t.diagnostic(`${jpg.name} in an OFD: ${ofd.exact}/${ofd.cells} exact, ${ofd.wrong.length} wrong (all flagged)`);
    t.diagnostic(`${pdf.name}: ${whole.exact}/${whole.cells} exact, ${whole.wrong.length} wrong (all flagged)`);
    t.diagnostic(`${c.name}: PNG ${png.exact}/${png.cells} exact, ${png.wrong.length} wrong (all flagged); HTML ${inPage.exact}/${inPage.cells}`);
  },
);
