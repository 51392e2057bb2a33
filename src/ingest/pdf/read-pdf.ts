import type { Finding } from '../../report/index.ts';
import { type DocLine, ReadError, type SourceDocument } from '../document.ts';
import { isPageNumberLine } from '../locate/tokens.ts';
import { boxSource, type PageLine, pageLines } from './page-lines.ts';
import { type PageGeometry, PdfNestingError, PdfPasswordError, parsePdf } from './parse/index.ts';
import { pdfjsPages } from './pdfjs-text.ts';
import { lineToDoc, type TextItem } from './pdf-lines.ts';

/** `auto`: our parser, pdf.js where it cannot read the file; `pdfjs`: pdf.js only (tests compare the two). */
export type PdfEngine = 'auto' | 'pdfjs';

// Share of the page height at the top and bottom where running headers and footers stand.
const MARGIN = 0.08;
// A document with fewer characters than this in its text layer is a scan.
const MIN_TEXT = 40;
// A page with fewer glyphs than this has no text layer: a scanned page, read by OCR.
const SCAN_CHARS = 5;

/**
 * The pages' glyphs and rulings: our own parser, which reads text without the rendering work
 * of a viewer; pdf.js (text only) for the files it cannot read. The choice depends only on
 * the bytes, so the same file always gives the same cells.
 */
async function geometry(file: string, bytes: Uint8Array, engine: PdfEngine): Promise<PageGeometry[]> {
  if (engine === 'pdfjs') return pdfjsPages(file, bytes);
  try {
    return parsePdf(bytes);
  } catch (error) {
    if (error instanceof PdfPasswordError) throw new ReadError(file, 'PDF 已加密（需要密码），无法读取', 'encrypted PDF (password required)');
    // pdf.js recurses on nesting: whether it overflows would depend on the thread's stack.
    if (error instanceof PdfNestingError) throw new ReadError(file, 'PDF 对象嵌套过深，不是正常的 PDF', 'PDF objects nested too deep');
    return pdfjsPages(file, bytes);
  }
}

/** Text that recurs at the same place on several pages: a running header or footer. */
function runningKey(line: TextItem[]): string {
  return line
    .map((i) => i.str.trim())
    .join('')
    .replace(/\d+/g, '#');
}

/**
 * Reads a PDF into document lines with page and position: each row of a ruled table is a
 * line whose cells are the table's cell boxes (an empty box is an empty cell, a wrapped
 * number is whole); other text is grouped into lines by baseline. Running headers, footers
 * and page numbers are dropped. A PDF without a text layer yields a finding, not invented
 * cells; an encrypted or corrupt PDF a ReadError. Pages without a text layer (scans) are read
 * by OCR (`ocr/`) when tesseract is installed, else the finding names the packages to install.
 */
export async function readPdf(file: string, bytes: Uint8Array, engine: PdfEngine = 'auto'): Promise<SourceDocument> {
  const pages = await geometry(file, bytes, engine);
  const scanned = pages.flatMap((page, i) => (page.chars.filter((c) => c.text.trim() !== '').length < SCAN_CHARS ? [i + 1] : []));
  if (scanned.length === 0) return pagesToDocument(file, pages, 'pdf');
  // Pages without a text layer are read by OCR (loaded only for them).
  const { ocrCells, ocrNote, ocrPdfPages } = await import('../ocr/read-scan.ts');
  const result = await ocrPdfPages(bytes, scanned);
  if (!result.ok) {
    const doc = pagesToDocument(file, pages, 'pdf');
    for (const m of doc.messages) if (m.rule === 'pdf-no-text') m.message += `；${result.reason}`;
    return doc;
  }
  const doc = pagesToDocument(
    file,
    pages.map((page, i) => result.pages.get(i + 1)?.geometry ?? page),
    'pdf',
  );
  doc.messages.unshift(ocrNote(file, scanned, scanned.length === pages.length));
  doc.ocr = ocrCells(result.pages);
  return doc;
}

/**
 * A fixed-layout document's pages (PDF, OFD) as document lines: tables cut into cell boxes,
 * running headers, footers and page numbers dropped, pages without text reported.
 */
export function pagesToDocument(file: string, geometries: readonly PageGeometry[], kind: 'pdf' | 'ofd' | 'image'): SourceDocument {
  const pages = geometries.map((page) => ({ lines: pageLines(page), height: page.height }));
  const inMargin = (line: PageLine, height: number) => line.kind === 'text' && (line.y < height * MARGIN || line.y > height * (1 - MARGIN));
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = page.lines.filter((l) => inMargin(l, page.height)).map((l) => (l.kind === 'text' ? runningKey(l.items) : ''));
    for (const key of new Set(keys)) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const lines: DocLine[] = [];
  const messages: Finding[] = [];
  const empty: number[] = [];
  let chars = 0;
  pages.forEach((page, index) => {
    const last = page.lines[page.lines.length - 1];
    const kept = page.lines.filter((line) => {
      if (line.kind !== 'text') return true;
      const text = line.items.map((i) => i.str).join('');
      // A folio printed a little above the margin (official documents: 7 mm below the text) is still one.
      if (line === last && isPageNumberLine(text)) return false;
      if (!inMargin(line, page.height)) return true;
      return !(isPageNumberLine(text) || /^\s*\d{1,3}\s*$/.test(text) || (pages.length > 2 && (seen.get(runningKey(line.items)) ?? 0) >= 2));
    });
    if (kept.length === 0) empty.push(index + 1);
    for (const line of kept) {
      const lineNo = lines.length + 1;
      let doc: DocLine;
      if (line.kind === 'text') doc = lineToDoc(line.items, file, index + 1, lineNo);
      else {
        const cells = line.cells.map((c) => c.text);
        const cellSources = line.cells.map((c) => ({ ...boxSource(file, index + 1, c.box), line: lineNo }));
        doc = { text: cells.join(' '), cells, cellSources, source: { ...(cellSources[0] ?? { file }), line: lineNo } };
        if (line.cells.some((c) => c.cut)) doc.cut = line.cells.map((c) => c.cut);
      }
      chars += doc.text.length;
      lines.push(doc);
    }
  });
  if (chars < MIN_TEXT) {
    messages.push({
      rule: 'pdf-no-text',
      severity: 'error',
      message: `扫描件，无文字层：${kind === 'image' ? '图片' : kind.toUpperCase()} 中没有可提取的文字，无法读取表格（需先进行文字识别）`,
      source: { file },
    });
  } else if (empty.length > 0) {
    messages.push({
      rule: 'pdf-no-text',
      severity: 'warning',
      message: `第${empty.join('、')}页没有文字层（可能是扫描页），其内容未读取`,
      source: { file, page: empty[0] },
    });
  }
  return { file, kind, lines, messages };
}
