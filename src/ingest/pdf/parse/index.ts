import { interpretPage, type PageGeometry } from './content.ts';
import type { PdfFont } from './fonts.ts';
import type { PdfDict } from './objects.ts';
import { PdfFile } from './pdf-file.ts';

export type { PageGeometry, PdfChar, Segment } from './content.ts';
export { PdfPasswordError } from './crypt.ts';
export { PdfFontUnsupported } from './fonts.ts';
export { PdfNestingError, PdfSyntaxError } from './objects.ts';

/**
 * Every page's glyphs and rulings, read by our own parser (no rendering work: fonts are used
 * only for their text and widths). Throws PdfSyntaxError (and subclasses) on what it cannot
 * read, PdfPasswordError when the file needs a password.
 */
export function parsePdf(bytes: Uint8Array): PageGeometry[] {
  const file = new PdfFile(bytes);
  const fonts = new Map<PdfDict, PdfFont>();
  return file.pages().map((page) => interpretPage(file, page, fonts));
}
