// Property test of OCR: generated scans of random reports (src/testing/scan.ts: printed by
// Chromium, rasterised, skewed, noised, JPEG-compressed, a red seal over the table) read back.
// A small sample here (table B's page as a PNG, and the same image inside an HTML page); the
// full ≥30-report measurement is `npm run bench ocr`. Needs tesseract-ocr and its chi_sim data
// (scripts/test.sh installs them); skipped without them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestRenderer } from '../testing/print-pdfs.ts';
import { type ScanCase, scanCase, scoreScan } from '../testing/scan.ts';
import { readReportBytes } from './index.ts';
import { tesseractProgram } from './ocr/tesseract.ts';

// The figures this sample must reach: every wrong value flagged, and most cells exact.
const MIN_EXACT = 0.8;

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
  'OCR property: table B scanned (seal, skew, noise) read back as PNG and inside an HTML page',
  { skip: !tesseractProgram() && 'tesseract not installed' },
  async (t) => {
    const renderer = await startTestRenderer();
    let c: ScanCase;
    try {
      c = await scanCase(renderer, 2001, 'png');
    } finally {
      await renderer.close();
    }
    const png = await check(c, c.bytes, 'table.png', 'image');
    const html = `<html><head><meta charset="utf-8"><title>年度报告</title></head><body><p>政府信息公开工作年度报告</p><p><img src="data:image/png;base64,${Buffer.from(c.bytes).toString('base64')}"></p></body></html>`;
    const inPage = await check(c, new TextEncoder().encode(html), 'report.html', 'html');
    t.diagnostic(`${c.name}: PNG ${png.exact}/${png.cells} exact, ${png.wrong.length} wrong (all flagged); HTML ${inPage.exact}/${inPage.cells}`);
  },
);
