import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { readReport, readReportBytes } from '../../src/ingest/index.ts';
import { PdfRenderer, renderDocx, renderHtml, renderMarkdown } from '../../src/render/index.ts';
import { cellValues, type Report } from '../../src/report/index.ts';
import { libreOfficeToPdf, TEST_FONTCONFIG } from '../../src/testing/tools.ts';
import { SHARED } from './shared.ts';

const SOURCES = ['seeds/000_a9bda9e5e6ff3691.txt', 'seeds/004_896ed2c63fcdfae2.txt', 'corpus/szfgs2024.pdf'];
let pdf: PdfRenderer;
before(async () => {
  pdf = await PdfRenderer.start({ fontconfigFile: TEST_FONTCONFIG });
});
after(async () => {
  await pdf?.close();
});

async function sameAs(original: Report, file: string, bytes: Uint8Array | string): Promise<void> {
  const back = await readReportBytes(file, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  assert.deepEqual(cellValues(back), cellValues(original), file);
  assert.deepEqual([back.meta.agency, back.meta.year, back.meta.format], [original.meta.agency, original.meta.year, original.meta.format], file);
}

for (const source of SOURCES) {
  test(`${source} converted to HTML, DOCX, PDF (Chromium), PDF (LibreOffice) and Markdown reads back to the same cells`, async () => {
    const original = await readReport(resolve(SHARED, source));
    assert.equal(Object.keys(cellValues(original)).length, 200);
    await sameAs(original, `${source}.html`, renderHtml(original));
    const docx = await renderDocx(original);
    await sameAs(original, `${source}.docx`, docx);
    await sameAs(original, `${source}.pdf`, await pdf.render(original));
    await sameAs(original, `${source}.lo.pdf`, libreOfficeToPdf(docx));
    await sameAs(original, `${source}.md`, renderMarkdown(original));
  });
}

// Users' PDFs are printed with whatever fonts their machine has: one case where LibreOffice gets
// this machine's fonts (on Debian without Times New Roman: DejaVu Serif, whose wider digits wrap
// four-digit numbers in table B's cells).
test('corpus/szfgs2024.pdf converted to DOCX and printed by LibreOffice with the machine fonts reads back to the same cells', async () => {
  const original = await readReport(resolve(SHARED, 'corpus/szfgs2024.pdf'));
  await sameAs(original, 'szfgs2024.machine-fonts.lo.pdf', libreOfficeToPdf(await renderDocx(original), 'machine'));
});
