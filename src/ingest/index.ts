/** Ingestion: container → document → report, with provenance. */
export { type DocLine, ReadError, type SourceDocument } from './document.ts';
export { locate } from './locate/locate.ts';
export { MAX_INPUT_BYTES, readDocument, readInput, readReport, readReportBytes } from './read-report.ts';
export { decodeText } from './text/decode.ts';
export { readText, textToDocument } from './text/read-text.ts';
