import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReadError } from '../document.ts';
import type { PageGeometry, PdfChar } from './parse/index.ts';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));

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

let guarded = false;

/**
 * With a damaged file, pdf.js rejects promises of its own that nobody awaits (prefetching a
 * page's resources) after the failure has reached us: Node would end the process, and a
 * batch with it. Those rejections — raised inside pdf.js — are dropped; any other still
 * ends the process as Node's default does.
 */
function guardInternalRejections(): void {
  if (guarded) return;
  guarded = true;
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof Error && reason.stack?.includes('pdfjs-dist')) return;
    throw reason;
  });
}

/** The reason pdf.js gives for refusing a file, in Chinese and English. */
export function describe(error: unknown): { zh: string; en: string } {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'PasswordException') return { zh: 'PDF 已加密（需要密码），无法读取', en: 'encrypted PDF (password required)' };
  if (name === 'InvalidPDFException') return { zh: 'PDF 文件损坏或不完整（无法解析文件结构）', en: 'invalid or truncated PDF' };
  if (error instanceof RangeError) return { zh: 'PDF 结构过于复杂（嵌套过深），无法读取', en: 'PDF structure nested too deep' };
  return { zh: `PDF 无法解析：${(error as Error).message ?? String(error)}`, en: 'unreadable PDF' };
}

/**
 * The text items of every page through pdf.js: the fallback for files our parser cannot read
 * (damaged structure pdf.js repairs, fonts without a text mapping). No rulings.
 */
export async function pdfjsPages(file: string, bytes: Uint8Array): Promise<PageGeometry[]> {
  guardInternalRejections();
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
    return await Promise.all(
      Array.from({ length: pdf.numPages }, async (_, i) => {
        const page = await pdf.getPage(i + 1);
        const { width, height } = page.getViewport({ scale: 1 });
        const content = await page.getTextContent({ disableNormalization: true });
        let run = 0;
        const chars: PdfChar[] = (content.items as PdfTextItem[])
          .filter((item) => typeof item.str === 'string' && item.str.trim() !== '')
          .map((item) => {
            const [a = 0, b = 0, , , e = 0, f = 0] = item.transform;
            return { text: item.str, x: e, y: height - f, w: item.width, size: Math.hypot(a, b) || 1, run: run++, vertical: false };
          });
        page.cleanup();
        return { width, height, chars, segments: [] };
      }),
    );
  } catch (error) {
    const { zh, en } = describe(error);
    throw new ReadError(file, zh, en);
  } finally {
    await pdf.destroy();
  }
}
