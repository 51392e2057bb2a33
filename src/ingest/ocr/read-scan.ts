import type { Finding } from '../../report/index.ts';
import { ReadError, type SourceDocument } from '../document.ts';
import { pagesToDocument } from '../pdf/read-pdf.ts';
import type { PageGeometry } from '../pdf/parse/index.ts';
import { type OcrCell, type OcrPage, ocrPage } from './ocr-page.ts';
import { isPng } from './image-kind.ts';
import { LOW_CONFIDENCE } from './review.ts';
import { decodeImage, ImageError, rasterisePdf, type RgbImage } from './raster.ts';
import { OcrUnavailable, TESSERACT_PACKAGES, tesseractProgram } from './tesseract.ts';

/** What a user is told when a scan cannot be read for want of the OCR program. */
export const NEED_TESSERACT = `需要安装 ${TESSERACT_PACKAGES} 才能识别扫描件（apt-get install tesseract-ocr tesseract-ocr-chi-sim）`;

/** Pages read by OCR, or why they could not be. */
export type ScanResult = { ok: true; pages: Map<number, OcrPage> } | { ok: false; reason: string };

/** Reads page images by OCR, one page after another (tesseract runs on one core). */
export async function ocrImages(images: ReadonlyMap<number, RgbImage>): Promise<ScanResult> {
  if (!tesseractProgram()) return { ok: false, reason: NEED_TESSERACT };
  const pages = new Map<number, OcrPage>();
  try {
    for (const [page, img] of images) pages.set(page, await ocrPage(img, page));
  } catch (error) {
    if (error instanceof OcrUnavailable)
      return {
        ok: false,
        reason: `文字识别失败（${error.message}）；${error.engine === 'paddle' ? '请重新安装依赖（npm ci），它带有 onnxruntime-node 和 PP-OCR 模型' : NEED_TESSERACT}`,
      };
    throw error;
  }
  return { ok: true, pages };
}

/** Rasterises a PDF's pages without text (pdftoppm) and reads them by OCR. */
export async function ocrPdfPages(bytes: Uint8Array, pages: readonly number[]): Promise<ScanResult> {
  if (!tesseractProgram()) return { ok: false, reason: NEED_TESSERACT };
  let images: Map<number, RgbImage> | undefined;
  try {
    images = await rasterisePdf(bytes, pages);
  } catch (error) {
    if (error instanceof ImageError) return { ok: false, reason: `扫描页无法转为图像（${error.message}）` };
    throw error;
  }
  if (!images) return { ok: false, reason: '需要安装 poppler-utils（pdftoppm）才能识别扫描件' };
  return ocrImages(images);
}

/** Page numbers as 「第1、3—5页」. */
function pageList(pages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && (pages[j + 1] as number) === (pages[j] as number) + 1) j++;
    parts.push(j > i + 1 ? `${pages[i]}—${pages[j]}` : j === i + 1 ? `${pages[i]}、${pages[j]}` : `${pages[i]}`);
    i = j;
  }
  return `第${parts.join('、')}页`;
}

/** The reader's note that pages were read by OCR (the report says so; its cells need checking). */
export function ocrNote(file: string, pages: readonly number[], whole: boolean): Finding {
  return {
    rule: 'ocr',
    severity: 'info',
    message: `${whole ? '本文件为扫描件或图片，' : `${pageList(pages)}没有文字层（扫描页），`}已由文字识别（OCR：表格单元格 PP-OCR，其余文字 tesseract）读出${whole ? '' : `${pageList(pages)}`}；识别的数字须与原件核对，置信度低于 ${LOW_CONFIDENCE} 的单元格逐一列出`,
    source: { file, page: pages[0] },
  };
}

/** The OCR cells of pages, in page order. */
export function ocrCells(pages: ReadonlyMap<number, OcrPage>): OcrCell[] {
  return [...pages.values()].flatMap((p) => p.cells);
}

/** Reads a PNG or JPEG image (a scanned page, a table photographed or exported as a picture) by OCR. */
export async function readImage(file: string, bytes: Uint8Array): Promise<SourceDocument> {
  let img: RgbImage;
  try {
    img = decodeImage(bytes);
  } catch (error) {
    throw new ReadError(file, `${isPng(bytes) ? 'PNG' : 'JPEG'} 图片无法解码`, `image cannot be decoded: ${(error as Error).message}`);
  }
  const result = await ocrImages(new Map([[1, img]]));
  if (!result.ok) throw new ReadError(file, result.reason, 'OCR unavailable');
  const geometry = [(result.pages.get(1) as OcrPage).geometry] as PageGeometry[];
  const doc = pagesToDocument(file, geometry, 'image');
  doc.messages.unshift(ocrNote(file, [1], true));
  doc.ocr = ocrCells(result.pages);
  return doc;
}

/**
 * Reads the images a web page carries (data: URLs) by OCR: each image's lines take the place of
 * its mark, its cells are the document's OCR cells (page = the image's number). Without
 * tesseract the marks stay (the table is reported as an image) and a warning names the packages.
 */
export async function ocrEmbeddedImages(doc: SourceDocument): Promise<void> {
  const images = new Map<number, RgbImage>();
  (doc.embeddedImages ?? []).forEach((image, i) => {
    try {
      images.set(i + 1, decodeImage(image.bytes));
    } catch {
      // Not decodable: it stays an image mark.
    }
  });
  if (images.size === 0) return;
  const result = await ocrImages(images);
  if (!result.ok) {
    doc.messages.push({ rule: 'ocr', severity: 'warning', message: `网页中的图片未识别：${result.reason}`, source: { file: doc.file } });
    return;
  }
  const marks = doc.embeddedImages ?? [];
  for (const [n, page] of result.pages) {
    const mark = marks[n - 1]?.mark;
    const at = doc.lines.findIndex((l) => l.text === mark);
    if (at < 0) continue;
    const lines = pagesToDocument(doc.file, [page.geometry], 'image').lines.map((l) => ({
      ...l,
      source: { ...l.source, page: n },
      ...(l.cellSources ? { cellSources: l.cellSources.map((c) => ({ ...c, page: n })) } : {}),
    }));
    doc.lines.splice(at, 1, ...lines);
  }
  doc.ocr = ocrCells(result.pages);
  doc.messages.unshift({
    rule: 'ocr',
    severity: 'info',
    message: `网页中的 ${result.pages.size} 张图片已由文字识别（OCR：表格单元格 PP-OCR，其余文字 tesseract）读出；识别的数字须与原件核对，置信度低于 ${LOW_CONFIDENCE} 的单元格逐一列出`,
    source: { file: doc.file },
  });
}
