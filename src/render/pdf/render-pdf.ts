import type { Report } from '../../report/index.ts';
import { renderHtml } from '../html/render-html.ts';
import { type RunningBrowser, startBrowser } from './browser.ts';

const FOOTER =
  '<div style="width:100%;text-align:center;font-size:14pt;font-family:\'Times New Roman\',serif;">— <span class="pageNumber"></span> —</div>';

/** Renders reports to A4 PDF through one Chromium, for a batch or a single report. */
export class PdfRenderer {
  private constructor(private readonly running: RunningBrowser) {}

  /** Starts the browser. Throws BrowserMissingError when Chromium is absent. */
  static async start(): Promise<PdfRenderer> {
    return new PdfRenderer(await startBrowser());
  }

  /** One report as PDF bytes: the HTML page printed on A4 with page numbers. */
  async render(report: Report): Promise<Uint8Array> {
    const page = await this.running.browser.newPage();
    try {
      await page.setContent(renderHtml(report), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const pdf = await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: false,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.running.close();
  }
}

/** Renders one report to PDF, starting and closing a browser. */
export async function renderPdf(report: Report): Promise<Uint8Array> {
  const renderer = await PdfRenderer.start();
  try {
    return await renderer.render(report);
  } finally {
    await renderer.close();
  }
}
