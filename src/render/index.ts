/** Rendering: Report → HTML, PDF (Chromium), DOCX, Markdown, in the standard layout. */

export { type DocxOptions, renderDocx } from './docx/render-docx.ts';
export { type LetterDocument, renderLetter } from './docx/render-letter.ts';
export { escapeHtml, type HtmlOptions, renderHtml } from './html/render-html.ts';
export { type FlatBlock, flatTable, type LayoutCell, type TableLayout, tableLayout } from './layout.ts';
export { renderMarkdown } from './markdown/render-markdown.ts';
export { BrowserMissingError, chromiumPath } from './pdf/browser.ts';
export { type PdfOptions, PdfRenderer, type PdfRendererOptions, renderPdf } from './pdf/render-pdf.ts';
export { chineseDate, reportTitle } from './text.ts';
export { RENDER_TARGETS, type RenderTarget, renderChecked, renderTo } from './render-checked.ts';
