import { XMLParser } from 'fast-xml-parser';
import { ReadError, type SourceDocument } from '../document.ts';
import { readZipParts } from '../docx/unzip.ts';
import type { PageGeometry } from '../pdf/parse/index.ts';
import { pagesToDocument } from '../pdf/read-pdf.ts';
import { childList, numbers, OfdContentError, type OfdNode, type OfdPageContent, pageContent, textOf, toGeometry } from './ofd-page.ts';

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
export function readOfd(file: string, bytes: Uint8Array): SourceDocument {
  const pkg = new Package(
    file,
    readZipParts(file, bytes, (name) => /\.xml$/i.test(name), 'OFD'),
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
  const geometries: PageGeometry[] = [];
  try {
    pages.forEach((page, i) => {
      const path = resolvePath(docPath, String(page['@BaseLoc'] ?? ''));
      const content = first(pkg.xml(path, `第${i + 1}页的内容`), 'Page');
      const box = numbers(textOf(first(first(content, 'Area'), 'PhysicalBox'))) ?? defaultBox;
      if (box.length !== 4 || !((box[2] as number) > 0) || !((box[3] as number) > 0))
        throw new OfdContentError(`第${i + 1}页的页面大小（PhysicalBox）无效`);
      const into: OfdPageContent = { chars: [], segments: [], images: 0 };
      for (const use of childList(content, 'Template')) {
        const tpl = templates.get(String(use['@TemplateID']));
        if (tpl && tpl !== path) pageContent(first(pkg.xml(tpl, '模板页'), 'Page'), into);
      }
      pageContent(content, into);
      geometries.push(toGeometry(box, into));
    });
  } catch (error) {
    if (error instanceof OfdContentError) throw new ReadError(file, `OFD 内容有误：${error.message}`, 'malformed OFD content');
    throw error;
  }
  return pagesToDocument(file, geometries, 'ofd');
}
