/** Ingestion: container → document → report, with provenance. */
export { type DocLine, ReadError, type SourceDocument } from './document.ts';
export { readDocx } from './docx/read-docx.ts';
export { cellsOf, GridColumns, type HtmlPage, parseHtmlPage, readHtml, rowsOf, span } from './html/read-html.ts';
export { locate } from './locate/locate.ts';
export { readPdf } from './pdf/read-pdf.ts';
export { looksLikeHtml, MAX_INPUT_BYTES, readDocument, readInput, readReport, readReportBytes } from './read-report.ts';
export { decodeText } from './text/decode.ts';
export { readText, textToDocument } from './text/read-text.ts';
