import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Finding } from '../../report/index.ts';
import { type DocLine, ReadError, type SourceDocument } from '../document.ts';
import { isPageNumberLine } from '../locate/tokens.ts';
import { groupLines, lineToDoc, type TextItem } from './pdf-lines.ts';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
// Share of the page height at the top and bottom where running headers and footers stand.
const MARGIN = 0.08;
// A document with fewer characters than this in its text layer is a scan.
const MIN_TEXT = 40;

// pdf.js reads CMaps, standard font data and wasm modules from disk for every document; the
// same few files serve all Chinese reports, so they are kept after the first read.
const binaryCache = new Map<string, Promise<Uint8Array>>();

class CachedBinaryDataFactory {
  private readonly urls: Record<string, string | null>;
  constructor(options: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.urls = { cMapUrl: options.cMapUrl ?? null, standardFontDataUrl: options.standardFontDataUrl ?? null, wasmUrl: options.wasmUrl ?? null };
  }
  fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const base = this.urls[kind];
    if (!base) return Promise.reject(new Error(`pdf.js asked for ${kind} data without a location`));
    const path = `${base}${filename}`;
    let data = binaryCache.get(path);
    if (!data) {
      data = readFile(path).then((b) => new Uint8Array(b));
      data.catch(() => binaryCache.delete(path));
      binaryCache.set(path, data);
    }
    return data;
  }
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
}

function describe(error: unknown): { zh: string; en: string } {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'PasswordException') return { zh: 'PDF 已加密（需要密码），无法读取', en: 'encrypted PDF (password required)' };
  if (name === 'InvalidPDFException') return { zh: 'PDF 文件损坏或不完整（无法解析文件结构）', en: 'invalid or truncated PDF' };
  return { zh: `PDF 无法解析：${(error as Error).message ?? String(error)}`, en: 'unreadable PDF' };
}

/** Text that recurs at the same place on several pages: a running header or footer. */
function runningKey(line: TextItem[]): string {
  return line
    .map((i) => i.str.trim())
    .join('')
    .replace(/\d+/g, '#');
}

/**
 * Reads a PDF's text layer into document lines with page and position; running headers,
 * footers and page numbers are dropped. A PDF without a text layer yields a finding, not
 * invented cells; an encrypted or corrupt PDF a ReadError.
 */
export async function readPdf(file: string, bytes: Uint8Array): Promise<SourceDocument> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
    wasmUrl: `${join(PDFJS_DIR, 'wasm')}/`,
    BinaryDataFactory: CachedBinaryDataFactory,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    const { zh, en } = describe(error);
    throw new ReadError(file, zh, en);
  }
  try {
    // All pages at once: pdf.js interleaves their work instead of waiting on each in turn.
    const pages = await Promise.all(
      Array.from({ length: pdf.numPages }, async (_, i) => {
        const page = await pdf.getPage(i + 1);
        const { height } = page.getViewport({ scale: 1 });
        const content = await page.getTextContent({ disableNormalization: true });
        const items: TextItem[] = (content.items as PdfTextItem[])
          .filter((item) => typeof item.str === 'string')
          .map((item) => {
            const [a = 0, b = 0, , , e = 0, f = 0] = item.transform;
            return { str: item.str, x: e, y: height - f, width: item.width, size: Math.hypot(a, b) || 1 };
          });
        page.cleanup();
        return { lines: groupLines(items), height };
      }),
    );
    return toDocument(file, pages);
  } catch (error) {
    const { zh, en } = describe(error);
    throw new ReadError(file, zh, en);
  } finally {
    await pdf.destroy();
  }
}

function toDocument(file: string, pages: { lines: TextItem[][]; height: number }[]): SourceDocument {
  const inMargin = (line: TextItem[], height: number) => {
    const y = line[0]?.y ?? 0;
    return y < height * MARGIN || y > height * (1 - MARGIN);
  };
  const seen = new Map<string, number>();
  for (const page of pages) {
    for (const key of new Set(page.lines.filter((l) => inMargin(l, page.height)).map(runningKey))) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const lines: DocLine[] = [];
  const messages: Finding[] = [];
  const empty: number[] = [];
  let chars = 0;
  pages.forEach((page, index) => {
    const kept = page.lines.filter((line) => {
      if (!inMargin(line, page.height)) return true;
      const text = line.map((i) => i.str).join('');
      return !(isPageNumberLine(text) || /^\s*\d{1,3}\s*$/.test(text) || (pages.length > 2 && (seen.get(runningKey(line)) ?? 0) >= 2));
    });
    if (kept.length === 0) empty.push(index + 1);
    for (const line of kept) {
      const doc = lineToDoc(line, file, index + 1, lines.length + 1);
      chars += doc.text.length;
      lines.push(doc);
    }
  });
  if (chars < MIN_TEXT) {
    messages.push({
      rule: 'pdf-no-text',
      severity: 'error',
      message: '扫描件，无文字层：PDF 中没有可提取的文字，无法读取表格（需先进行文字识别）',
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
  return { file, kind: 'pdf', lines, messages };
}
