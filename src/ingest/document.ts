import { AppError } from '../errors.ts';
import type { Finding, SourceKind, SourceLocation } from '../report/index.ts';
import { printable } from '../printable.ts';
import type { OcrCell } from './ocr/ocr-page.ts';

/**
 * One line of a source document. A line from a table row carries its cells (blank cells
 * as empty strings); a line of running text has none.
 */
export interface DocLine {
  text: string;
  cells?: string[];
  /** Where each cell stands (PDF: page and position), parallel to `cells`. */
  cellSources?: SourceLocation[];
  /** Cells the page edge cut (PDF), parallel to `cells`: what they held cannot be read. */
  cut?: boolean[];
  source: SourceLocation;
}

/** A container's content as lines, the common input of the locator. */
export interface SourceDocument {
  file: string;
  kind: SourceKind;
  lines: DocLine[];
  /** What the container reader noticed (images instead of tables, no text layer, …). */
  messages: Finding[];
  /** The page's own title (HTML `<title>`), one more place that may name the agency. */
  pageTitle?: string;
  /** The index of the line the reader made of the page's title, when it made one. */
  pageTitleLine?: number;
  /** Table cells read by OCR, with their confidence: the locator reports the unsure ones by cell key. */
  ocr?: OcrCell[];
  /** Images a page carries itself (HTML data: URLs), each standing on its own line as `mark`: read by OCR. */
  embeddedImages?: { mark: string; bytes: Uint8Array }[];
}

/**
 * An input that cannot be read as a report at all: the AppError code `unreadable`, with a
 * Chinese and an English reason; the message names the file.
 */
export class ReadError extends AppError {
  readonly file: string;
  readonly reason: string;
  readonly reasonEn: string;
  constructor(file: string, reason: string, reasonEn: string) {
    super('unreadable', `${printable(file)}：${reason}（${reasonEn}）`, { file, reason, reasonEn });
    this.name = 'ReadError';
    this.file = file;
    this.reason = reason;
    this.reasonEn = reasonEn;
  }
}
