import { XMLParser } from 'fast-xml-parser';
import { ReadError, type SourceDocument } from '../document.ts';
import { readZipParts } from '../docx/unzip.ts';
import type { PageGeometry } from '../pdf/parse/index.ts';
import { pagesToDocument } from '../pdf/read-pdf.ts';
import type { RgbImage } from '../ocr/raster.ts';
import {
  childList,
  MM,
  numbers,
  OfdContentError,
  type OfdImage,
  type OfdNode,
  type OfdPageContent,
  pageContent,
  textOf,
  toGeometry,
} from './ofd-page.ts';

/** More pages than any annual report has: a file with more is refused before any is read. */
const MAX_PAGES = 2000;

const REPEATED = new Set([
  'DocBody',
  'Page',
  'TemplatePage',
  'Template',
  'Layer',
  'PageBlock',
  'TextObject',
  'PathObject',
  'ImageObject',
  'TextCode',
  'MultiMedia',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => REPEATED.has(name),
});

/** Resolves a path of the package (`/Doc_0/…` from the root, otherwise from `base`'s folder). */
function resolvePath(base: string, loc: string): string {
  const start = loc.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const part of loc.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') start.pop();
    else start.push(part);
  }
  return start.join('/');
}

/** The XML parts of an OFD package, parsed on demand. */
class Package {
  private readonly byLower = new Map<string, string>();
  constructor(
    private readonly file: string,
    private readonly parts: Map<string, Uint8Array>,
  ) {
    for (const name of parts.keys()) this.byLower.set(name.toLowerCase(), name);
  }

  has(path: string): boolean {
    return this.byLower.has(path.toLowerCase());
  }

  bytes(path: string): Uint8Array | undefined {
    const name = this.byLower.get(path.toLowerCase());
    return name === undefined ? undefined : this.parts.get(name);
  }

  xml(path: string, what: string): OfdNode {
    const name = this.byLower.get(path.toLowerCase());
    const bytes = name === undefined ? undefined : this.parts.get(name);
    if (!bytes) throw new ReadError(this.file, `OFD 包中缺少${what}（${path}）`, `OFD package lacks ${path}`);
    const text = new TextDecoder('utf-8').decode(bytes);
    if (/<!DOCTYPE/i.test(text.slice(0, 2048))) throw new ReadError(this.file, `${path} 含有 DOCTYPE 声明，已拒绝读取`, `DOCTYPE in ${path} refused`);
    try {
      return parser.parse(text) as OfdNode;
    } catch (error) {
      if (/nested/i.test((error as Error).message))
        throw new ReadError(this.file, `${path} 中元素嵌套过深，不是正常的 OFD`, `elements nested too deep in ${path}`);
      throw new ReadError(this.file, `${path} 无法解析（${(error as Error).message.split('\n')[0]}）`, `malformed ${path}`);
    }
  }
}

/** The first child element of a node, or an empty node. */
const first = (node: unknown, tag: string): OfdNode => childList(node, tag)[0] ?? {};

/** True when a ZIP's entry names show an OFD package (its entry file OFD.xml at the root). */
export function isOfdPackage(names: readonly string[]): boolean {
  return names.some((n) => n.toLowerCase() === 'ofd.xml');
}

/**
 * Reads an OFD file (GB/T 33190: a ZIP of XML) into document lines through the same page
 * geometry as a PDF: text objects become glyphs, path objects rulings, so ruled tables,
 * wrapped numbers and blank cells read as they do in PDF. A document with no text (scanned
 * pages as images) yields the scan finding; an encrypted, corrupt or hostile package a
 * ReadError naming the problem.
 */
export async function readOfd(file: string, bytes: Uint8Array): Promise<SourceDocument> {
  const pkg = new Package(
    file,
    readZipParts(file, bytes, (name) => /\.(xml|png|jpe?g)$/i.test(name), 'OFD'),
  );
  // Only OFD packages come here (their entry file among the names): one the archive does not yield is damaged.
  if (!pkg.has('OFD.xml')) throw new ReadError(file, 'OFD 压缩包损坏或不完整（读不出入口文件 OFD.xml）', 'corrupt OFD archive: OFD.xml unreadable');
  const root = first(pkg.xml('OFD.xml', '入口文件'), 'OFD');
  const body = childList(root, 'DocBody')[0];
  if (!body) throw new ReadError(file, 'OFD.xml 中没有文档（DocBody）', 'no DocBody in OFD.xml');
  if (pkg.has('Encryptions.xml') || root.Encryptions !== undefined || body.Encryptions !== undefined)
    throw new ReadError(file, 'OFD 已加密，无法读取', 'encrypted OFD');
  const docPath = resolvePath('', textOf(body.DocRoot).trim());
  if (!docPath) throw new ReadError(file, 'OFD.xml 没有指明文档根节点（DocRoot）', 'no DocRoot in OFD.xml');
  const doc = first(pkg.xml(docPath, '文档根节点'), 'Document');
  const common = first(doc, 'CommonData');
  const defaultBox = numbers(textOf(first(common, 'PageArea').PhysicalBox)) ?? [0, 0, 210, 297];
  const templates = new Map(childList(common, 'TemplatePage').map((t) => [String(t['@ID']), resolvePath(docPath, String(t['@BaseLoc'] ?? ''))]));
  const pages = childList(first(doc, 'Pages'), 'Page');
  if (pages.length === 0) throw new ReadError(file, 'OFD 文档没有页面', 'OFD document has no pages');
  if (pages.length > MAX_PAGES) throw new ReadError(file, `OFD 文档页数过多（${pages.length} 页）`, 'too many pages');
  const media = multiMedia(pkg, docPath, common);
  const geometries: PageGeometry[] = [];
  const shown: OfdImage[][] = [];
  try {
    pages.forEach((page, i) => {
      const path = resolvePath(docPath, String(page['@BaseLoc'] ?? ''));
      const content = first(pkg.xml(path, `第${i + 1}页的内容`), 'Page');
      const box = numbers(textOf(first(first(content, 'Area'), 'PhysicalBox'))) ?? defaultBox;
      if (box.length !== 4 || !((box[2] as number) > 0) || !((box[3] as number) > 0))
        throw new OfdContentError(`第${i + 1}页的页面大小（PhysicalBox）无效`);
      const into: OfdPageContent = { chars: [], segments: [], images: [] };
      for (const use of childList(content, 'Template')) {
        const tpl = templates.get(String(use['@TemplateID']));
        if (tpl && tpl !== path) pageContent(first(pkg.xml(tpl, '模板页'), 'Page'), into);
      }
      pageContent(content, into);
      geometries.push(toGeometry(box, into));
      shown.push(
        into.images.map((image) => ({
          ...image,
          boundary: [image.boundary[0] - (box[0] as number), image.boundary[1] - (box[1] as number), image.boundary[2], image.boundary[3]],
        })),
      );
    });
  } catch (error) {
    if (error instanceof OfdContentError) throw new ReadError(file, `OFD 内容有误：${error.message}`, 'malformed OFD content');
    throw error;
  }
  return ocrScannedPages(file, pkg, geometries, shown, media);
}

/** The image files of the document's resources (PublicRes, DocumentRes): resource ID → package path. */
function multiMedia(pkg: Package, docPath: string, common: OfdNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const tag of ['PublicRes', 'DocumentRes']) {
    for (const node of childList(common, tag)) {
      const resPath = resolvePath(docPath, textOf(node).trim());
      if (!resPath || !pkg.has(resPath)) continue;
      const res = first(pkg.xml(resPath, '资源文件'), 'Res');
      const base = resolvePath(resPath, `${String(res['@BaseLoc'] ?? '')}/x`)
        .split('/')
        .slice(0, -1)
        .join('/');
      for (const m of childList(first(res, 'MultiMedias'), 'MultiMedia')) {
        const loc = textOf(first(m, 'MediaFile')).trim();
        if (loc) out.set(String(m['@ID']), loc.startsWith('/') ? resolvePath('', loc) : resolvePath(`${base}/x`, loc));
      }
    }
  }
  return out;
}

// A page with fewer glyphs than this shows no text: a scanned page, read by OCR when it shows an image.
const SCAN_CHARS = 5;
// An image smaller than this (pixels a side) is no scanned page.
const MIN_SCAN_PIXELS = 200;

/**
 * Pages without text that show an image (PNG or JPEG) over at least half the page are read by
 * OCR from the largest such image, its resolution from its size on the page; the OCR page,
 * placed where the image stands, takes the page's place. Without the OCR tools the scan finding
 * names them.
 */
async function ocrScannedPages(
  file: string,
  pkg: Package,
  pages: PageGeometry[],
  shown: OfdImage[][],
  media: Map<string, string>,
): Promise<SourceDocument> {
  const scans = new Map<number, { image: OfdImage; img: RgbImage }>();
  const { decodeImage } = await import('../ocr/raster.ts');
  pages.forEach((page, i) => {
    if (page.chars.filter((c) => c.text.trim() !== '').length >= SCAN_CHARS) return;
    const area = (page.width / MM) * (page.height / MM);
    const image = [...(shown[i] ?? [])].sort((a, b) => b.boundary[2] * b.boundary[3] - a.boundary[2] * a.boundary[3])[0];
    const path = image && media.get(image.resource);
    const bytes = path === undefined ? undefined : pkg.bytes(path);
    if (!image || !bytes || image.boundary[2] * image.boundary[3] < area / 2) return;
    try {
      const img = decodeImage(bytes);
      if (img.width < MIN_SCAN_PIXELS || img.height < MIN_SCAN_PIXELS) return;
      scans.set(i + 1, { image, img: { ...img, dpi: Math.round(img.width / (image.boundary[2] / 25.4)) } });
    } catch {
      // Not a PNG or JPEG we can decode: the page stays a scan without text.
    }
  });
  if (scans.size === 0) return pagesToDocument(file, pages, 'ofd');
  const { ocrCells, ocrImages, ocrNote } = await import('../ocr/read-scan.ts');
  const result = await ocrImages(new Map([...scans].map(([n, s]) => [n, s.img])));
  if (!result.ok) {
    const doc = pagesToDocument(file, pages, 'ofd');
    for (const m of doc.messages) if (m.rule === 'pdf-no-text') m.message += `；${result.reason}`;
    return doc;
  }
  // The OCR page's points start at the image's corner: moved to where the image stands.
  for (const [n, page] of result.pages) {
    const [dx, dy] = [(scans.get(n) as { image: OfdImage }).image.boundary[0] * MM, (scans.get(n) as { image: OfdImage }).image.boundary[1] * MM];
    const g = page.geometry;
    g.chars = g.chars.map((c) => ({ ...c, x: c.x + dx, y: c.y + dy }));
    g.segments = g.segments.map((sg) => ({ x1: sg.x1 + dx, y1: sg.y1 + dy, x2: sg.x2 + dx, y2: sg.y2 + dy }));
    [g.width, g.height] = [(pages[n - 1] as PageGeometry).width, (pages[n - 1] as PageGeometry).height];
    page.cells = page.cells.map((c) => ({ ...c, x0: c.x0 + dx, x1: c.x1 + dx, y0: c.y0 + dy, y1: c.y1 + dy }));
  }
  const doc = pagesToDocument(
    file,
    pages.map((page, i) => result.pages.get(i + 1)?.geometry ?? page),
    'ofd',
  );
  const read = [...scans.keys()];
  doc.messages.unshift(ocrNote(file, read, read.length === pages.length));
  doc.ocr = ocrCells(result.pages);
  return doc;
}
