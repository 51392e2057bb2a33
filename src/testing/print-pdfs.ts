import { PdfRenderer, renderDocx } from '../render/index.ts';
import { type PdfCase, pdfCase, type PdfVariant, type Printer } from './pdf-layouts.ts';
import { libreOfficeToPdfs, TEST_FONTCONFIG } from './tools.ts';

/** Starts Chromium with the tests' fonts only. */
export function startTestRenderer(): Promise<PdfRenderer> {
  return PdfRenderer.start({ fontconfigFile: TEST_FONTCONFIG });
}

/**
 * Prints cases to PDF, in the cases' order: Chromium's through one browser (the one given, or one
 * started and closed here), LibreOffice's in one soffice run per font setup.
 */
export async function printCases(cases: readonly PdfCase[], renderer?: PdfRenderer): Promise<Uint8Array[]> {
  const out: Uint8Array[] = new Array(cases.length);
  const chromium = cases.map((c, i) => [c, i] as const).filter(([c]) => c.printer === 'chromium');
  if (chromium.length > 0) {
    const browser = renderer ?? (await startTestRenderer());
    try {
      for (const [c, i] of chromium) out[i] = await browser.render(c.report, { css: c.css });
    } finally {
      if (!renderer) await browser.close();
    }
  }
  for (const fonts of ['test', 'machine'] as const) {
    const office = cases.map((c, i) => [c, i] as const).filter(([c]) => c.printer === 'libreoffice' && c.fonts === fonts);
    const docxs = await Promise.all(office.map(([c]) => renderDocx(c.report, c.docx)));
    libreOfficeToPdfs(docxs, fonts).forEach((pdf, j) => (out[(office[j] as (typeof office)[number])[1]] = pdf));
  }
  return out;
}

/**
 * One generated PDF for a unit test: a random report printed by a printer in a variant, with
 * what must be read back from it (`expected`, see pdf-expect.ts).
 */
export async function generatedPdf(printer: Printer, variant: PdfVariant, seed: number): Promise<{ pdfCase: PdfCase; bytes: Uint8Array }> {
  const c = pdfCase(printer, variant, seed);
  const [bytes] = await printCases([c]);
  return { pdfCase: c, bytes: bytes as Uint8Array };
}
