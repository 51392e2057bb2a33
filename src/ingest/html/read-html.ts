import { type CheerioAPI, load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { SourceLocation } from '../../report/index.ts';
import { type DocLine, ReadError, type SourceDocument } from '../document.ts';
import { findContent, findTitle } from './content.ts';
import { decodeHtml } from './decode-html.ts';

/** Largest page read; real report pages are well under a few MB. */
export const MAX_HTML_BYTES = 20 * 1024 * 1024;
/** Elements nested deeper than this are refused: the readers walk the tree recursively (real pages nest a few dozen deep). */
export const MAX_HTML_DEPTH = 2000;

/** The depth of the deepest node, walked without recursion (the tree may be hostile). */
function maxDepth(root: AnyNode): number {
  let max = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [AnyNode, number];
    if (depth > max) max = depth;
    if (depth > MAX_HTML_DEPTH) break;
    const children = (node as Element).children;
    if (children) for (const child of children) stack.push([child, depth + 1]);
  }
  return max;
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'head',
  'nav',
  'footer',
  'aside',
  'select',
  'button',
  'input',
  'textarea',
  'object',
  'embed',
]);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'dl',
  'header',
  'main',
  'form',
  'center',
  'hr',
  'caption',
  'figure',
  'figcaption',
]);

function lineOf(starts: number[], index: number | null | undefined): number | undefined {
  if (index === null || index === undefined) return undefined;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function imageMark(el: Element): string {
  const src = el.attribs.src ?? '';
  const name = src.split(/[/?#]/).filter(Boolean).pop() ?? '';
  return `[图片:${name.replace(/\s+/g, '')}]`;
}

/** Largest image taken from a data: URL. */
const MAX_EMBEDDED_BYTES = 20 * 1024 * 1024;

/**
 * The bytes of a PNG or JPEG carried in a data: URL. Images elsewhere (a URL, a file) are never
 * fetched or opened: reading the network or the disk on a page's say-so is not a reader's job.
 */
function embeddedImage(src: string): Uint8Array | undefined {
  const m = /^\s*data:image\/(?:png|jpe?g);base64,/i.exec(src);
  if (!m || src.length > (MAX_EMBEDDED_BYTES * 4) / 3 + m[0].length) return undefined;
  const bytes = new Uint8Array(Buffer.from(src.slice(m[0].length).replace(/\s+/g, ''), 'base64'));
  return bytes.length > 0 ? bytes : undefined;
}

/** Walks a DOM subtree into lines; data tables become lines with cells. */
class LineWriter {
  readonly lines: DocLine[] = [];
  /** Images the page carries itself (data: URLs), for OCR. */
  readonly images: { mark: string; bytes: Uint8Array }[] = [];
  private current = '';
  private currentAt: number | undefined;
  /** Data tables written so far, in order: a finding names the table (1-based), row and column of its cell. */
  readonly tables: Element[] = [];

  constructor(
    private readonly file: string,
    private readonly starts: number[],
  ) {}

  private where(index: number | null | undefined): SourceLocation {
    const line = lineOf(this.starts, index);
    return line === undefined ? { file: this.file } : { file: this.file, line };
  }

  flush(): void {
    const text = this.current.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (text !== '') this.lines.push({ text, source: this.where(this.currentAt) });
    this.current = '';
    this.currentAt = undefined;
  }

  private text(value: string, at: number | null | undefined): void {
    if (this.current === '' && value.trim() !== '') this.currentAt = at ?? undefined;
    this.current += value;
  }

  walk(node: AnyNode): void {
    if (node.type === 'text') {
      this.text((node as unknown as { data: string }).data, node.startIndex);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as Element;
    const name = el.name?.toLowerCase();
    if (name && SKIP.has(name)) return;
    if (name === 'img') {
      const embedded = embeddedImage(el.attribs.src ?? '');
      if (embedded) {
        // An image inside the page (a data: URL): marked on a line of its own, read by OCR later.
        const mark = `[图片:内嵌图片${this.images.length + 1}]`;
        this.images.push({ mark, bytes: embedded });
        this.flush();
        this.text(mark, el.startIndex);
        this.flush();
      } else this.text(` ${imageMark(el)} `, el.startIndex);
      return;
    }
    if (name === 'table') {
      this.flush();
      this.table(el);
      return;
    }
    const block = name !== undefined && BLOCK.has(name);
    if (block) this.flush();
    for (const child of el.children) this.walk(child);
    if (block) this.flush();
  }

  private table(table: Element): void {
    const rows = rowsOf(table);
    if (rows.some((tr) => cellsOf(tr).some((td) => hasTag(td, 'table')))) {
      // A layout table: its cells hold blocks, not values.
      for (const tr of rows) for (const td of cellsOf(tr)) this.block(td);
      return;
    }
    this.tables.push(table);
    const tableNo = this.tables.length;
    const grid = new GridColumns();
    rows.forEach((tr, r) => {
      const tds = cellsOf(tr);
      const columns = grid.row(tds.map((td) => [span(td, 'colspan'), span(td, 'rowspan')]));
      const cells = tds.map((td) => cellText(td));
      if (cells.length === 0) return;
      const text = cells.join(' ').trim();
      const where = { ...this.where(tr.startIndex), table: tableNo, row: r + 1 };
      const line: DocLine = { text, cells, source: where, cellSources: columns.map((c) => ({ ...where, cell: c })) };
      this.lines.push(line);
    });
  }

  private block(el: Element): void {
    this.flush();
    for (const child of el.children) this.walk(child);
    this.flush();
  }
}

/** A cell's colspan or rowspan as the reader counts it (1 when absent or absurd, at most 1000). */
export function span(td: Element, name: 'colspan' | 'rowspan'): number {
  const n = Number.parseInt(td.attribs[name] ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

/**
 * The 1-based column each cell of a table row stands in, counting the columns that cells of
 * rows above still cover (rowspan) and the columns a cell spans (colspan).
 */
export class GridColumns {
  /** Rows each column is still covered for by a cell above. */
  private covered: number[] = [];

  /** Columns of the cells of the next row, given each cell's [colspan, rowspan]. */
  row(spans: readonly [number, number][]): number[] {
    const out: number[] = [];
    let col = 0;
    for (const [colspan, rowspan] of spans) {
      while ((this.covered[col] ?? 0) > 0) col++;
      out.push(col + 1);
      for (let c = col; c < col + colspan; c++) this.covered[c] = rowspan;
      col += colspan;
    }
    this.covered = this.covered.map((n) => Math.max(0, n - 1));
    return out;
  }
}

function hasTag(el: Element, tag: string): boolean {
  return el.children.some((c) => c.type === 'tag' && ((c as Element).name === tag || hasTag(c as Element, tag)));
}

/** The rows of a table, nested tables' rows left out. */
export function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'tag') continue;
      const child = c as Element;
      if (child.name === 'tr') out.push(child);
      else if (child.name !== 'table') visit(child);
    }
  };
  visit(table);
  return out;
}

/** The cells (td, th) of a table row. */
export function cellsOf(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => c.type === 'tag' && ((c as Element).name === 'td' || (c as Element).name === 'th'));
}

function cellText(td: Element): string {
  const parts: string[] = [];
  const visit = (node: AnyNode) => {
    if (node.type === 'text') parts.push((node as unknown as { data: string }).data);
    else if (node.type === 'tag') {
      const el = node as Element;
      if (SKIP.has(el.name)) return;
      if (el.name === 'img') parts.push(` ${imageMark(el)} `);
      else if (el.name === 'br' || BLOCK.has(el.name)) parts.push(' ');
      for (const c of el.children) visit(c);
    }
  };
  for (const c of td.children) visit(c);
  return parts
    .join('')
    .replace(/[ \t\r\n\f]+/g, ' ')
    .trim();
}

/**
 * Reads an HTML page: decodes it, finds the report body inside the site page (menus, footers,
 * scripts and other articles left out), and turns paragraphs into lines and table rows into
 * lines with cells (rowspan/colspan cells once, `&nbsp;` cells blank, images as marks).
 */
export function readHtml(file: string, bytes: Uint8Array): SourceDocument {
  const page = parseHtmlPage(file, bytes);
  const doc: SourceDocument = { file, kind: 'html', lines: page.lines, messages: [] };
  // The page's <title> names the agency too; when it stands as the first line, say so.
  const pageTitle = page.$('title').first().text().trim();
  if (pageTitle) doc.pageTitle = pageTitle;
  if (page.titleFromHead) doc.pageTitleLine = 0;
  if (page.images.length > 0) doc.embeddedImages = page.images;
  return doc;
}

/** A page parsed as the reader parses it. */
export interface HtmlPage {
  $: CheerioAPI;
  /** The element holding the report body. */
  content: Element;
  /** The data tables in the reader's numbering: a cell's source `table: n` is `tables[n - 1]`. */
  tables: Element[];
  lines: DocLine[];
  titleFromHead: boolean;
  /** Images the page carries itself (data: URLs), for OCR. */
  images: { mark: string; bytes: Uint8Array }[];
}

/**
 * Parses a page and walks its report body as `readHtml` does, keeping the parsed tree: the
 * reviewer console marks a cell in the page at the place the reader found it.
 */
export function parseHtmlPage(file: string, bytes: Uint8Array): HtmlPage {
  if (bytes.length > MAX_HTML_BYTES) {
    throw new ReadError(file, `网页过大（${Math.round(bytes.length / 1048576)} MB，上限 ${MAX_HTML_BYTES / 1048576} MB）`, 'HTML page too large');
  }
  const html = decodeHtml(file, bytes);
  const starts = [0];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) starts.push(i + 1);
  const $ = load(html, { withStartIndices: true } as Parameters<typeof load>[1]);
  const root = $.root().get(0) as unknown as Element;
  const depth = maxDepth(root);
  if (depth > MAX_HTML_DEPTH) {
    throw new ReadError(file, `网页元素嵌套过深（超过 ${MAX_HTML_DEPTH} 层），不是正常的网页`, `HTML nested deeper than ${MAX_HTML_DEPTH} levels`);
  }
  const content = findContent(root);
  const writer = new LineWriter(file, starts);
  const title = findTitle($, content);
  if (title) writer.lines.push({ text: title.text, source: { file } });
  writer.walk(content);
  writer.flush();
  return { $, content, tables: writer.tables, lines: writer.lines, titleFromHead: title?.fromHead === true, images: writer.images };
}
