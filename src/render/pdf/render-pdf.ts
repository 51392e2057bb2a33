import type { Page } from 'playwright-core';
import type { Report } from '../../report/index.ts';
import { renderHtml } from '../html/render-html.ts';
import { type RunningBrowser, startBrowser } from './browser.ts';

const FOOTER =
  '<div style="width:100%;text-align:center;font-size:14pt;font-family:\'Noto Serif CJK SC\',serif;">— <span class="pageNumber"></span> —</div>';

// The faces Debian's fonts-noto-cjk provides for the official ones (仿宋_GB2312 and 方正小标宋简体 →
// Noto Serif CJK SC, 黑体 → Noto Sans CJK SC), named directly for printing: reached through the
// fontconfig aliases, every official name becomes a separate copy of the same font in the PDF,
// and subsetting each copy of a CJK font doubles the print time.
const PRINT_FONTS =
  'html, h1, p, table, th, td { font-family: "Noto Serif CJK SC", serif; } h2, caption { font-family: "Noto Sans CJK SC", sans-serif; }';

/** Options of the browser. */
export interface PdfRendererOptions {
  /** The fontconfig file the browser sees instead of ours (tests name only the fonts they depend on). */
  fontconfigFile?: string;
}

/** Options of one printed report. */
export interface PdfOptions {
  /** Style sheet applied after ours: another page size (`@page { size: A4 landscape }`), fonts, widths. */
  css?: string;
}

/**
 * Renders reports to A4 PDF through one Chromium, for a batch, a server or a single report.
 * Every render has a page of its own (concurrent renders never share one); pages are kept and
 * reused, so a sequential batch prints through a single page.
 */
export class PdfRenderer {
  private readonly idle: Page[] = [];

  private constructor(private readonly running: RunningBrowser) {}

  /** Starts the browser. Throws BrowserMissingError when Chromium is absent. */
  static async start(options: PdfRendererOptions = {}): Promise<PdfRenderer> {
    return new PdfRenderer(await startBrowser(options.fontconfigFile));
  }

  /** One report as PDF bytes: the HTML page printed on A4 with page numbers. */
  async render(report: Report, options: PdfOptions = {}): Promise<Uint8Array> {
    const page = this.idle.pop() ?? (await this.running.browser.newPage());
    try {
      await page.setContent(renderHtml(report, { css: `${PRINT_FONTS}\n${options.css ?? ''}` }), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const pdf = await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: false,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
      this.idle.push(page);
      return new Uint8Array(pdf);
    } catch (error) {
      // A page that failed mid-print is not reused.
      await page.close().catch(() => undefined);
      throw error;
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
