import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { DocLine, SourceDocument } from '../ingest/document.ts';
import type { Report, SourceLocation } from '../report/index.ts';

/** The policy a view is served with: nothing runs, nothing loads, inline styles and data images only. */
export const VIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const STYLE = `body{font:15px/1.7 "Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:16px;color:#222}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #999;padding:2px 6px}
mark.gk-mark{background:#ffe58f;outline:2px solid #fa541c;outline-offset:-2px}
td.gk-mark,th.gk-mark,div.gk-mark{background:#fff1b8;outline:2px solid #fa541c;outline-offset:-2px}
.gk-line{white-space:pre-wrap;min-height:1.2em}.gk-no{color:#999;display:inline-block;width:3.5em;user-select:none}`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A whole view page: our head, the body given. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

// Elements removed with everything inside them: they run, load, submit or embed.
const DROP = new Set(
  'script noscript style link meta base iframe frame frameset object embed applet form input button select textarea option svg math template audio video source track canvas portal dialog head title'.split(
    ' ',
  ),
);
// Elements kept as they are (their attributes filtered); any other is replaced by its children.
const KEEP = new Set(
  'html body div span p br hr h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr td th caption colgroup col ul ol li dl dt dd b strong i em u s strike sub sup small big font center pre blockquote section article header main footer nav aside figure figcaption a img mark label code'.split(
    ' ',
  ),
);
const ATTRIBUTES = new Set([
  'colspan',
  'rowspan',
  'align',
  'valign',
  'width',
  'height',
  'border',
  'cellpadding',
  'cellspacing',
  'style',
  'class',
  'id',
  'title',
  'alt',
  'bgcolor',
  'color',
  'face',
  'size',
  'lang',
  'dir',
  'data-key',
]);

/** An inline style without anything that loads or runs. */
function safeStyle(style: string): string | undefined {
  // A backslash is a CSS escape (`\75 rl(` is `url(`): such a style is dropped whole.
  return /url\s*\(|expression\s*\(|@import|javascript:|behavior\s*:|-moz-binding|\\/i.test(style) ? undefined : style;
}

/**
 * Sanitizes a parsed page in place, by allow-list: scripts, styles, frames, forms, embedded
 * objects removed with their content, unknown elements unwrapped, event handlers, links and
 * every attribute that can load something removed; images kept only as data: URLs.
 */
export function sanitize($: CheerioAPI, root: Cheerio<AnyNode>): void {
  const visit = (node: AnyNode) => {
    if (node.type === 'comment' || node.type === 'directive' || node.type === 'cdata' || node.type === 'script' || node.type === 'style') {
      $(node).remove();
      return;
    }
    if (node.type !== 'tag') return;
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (DROP.has(name)) {
      $(el).remove();
      return;
    }
    for (const child of [...el.children]) visit(child);
    const src = el.attribs.src ?? '';
    for (const attr of Object.keys(el.attribs)) {
      const value = el.attribs[attr] ?? '';
      const keep = ATTRIBUTES.has(attr.toLowerCase()) && (attr.toLowerCase() !== 'style' || safeStyle(value) !== undefined);
      if (!keep) delete el.attribs[attr];
    }
    if (name === 'img') {
      if (/^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i.test(src)) el.attribs.src = src;
      else $(el).replaceWith(`[图片${escape(src.split(/[/?#]/).filter(Boolean).pop() ?? '')}]`);
      return;
    }
    if (!KEEP.has(name)) $(el).replaceWith($(el).contents());
  };
  root.each((_, node) => {
    for (const child of [...((node as Element).children ?? [])]) visit(child);
  });
}

/** Marks the HTML page's cells of `cells` (by their source table, row and grid column, counted as the reader counts them). */
async function htmlView(file: string, bytes: Uint8Array, marks: readonly { key: string; source: SourceLocation }[]): Promise<string> {
  const { cellsOf, GridColumns, parseHtmlPage, rowsOf, span } = await import('../ingest/html/read-html.ts');
  const parsed = parseHtmlPage(file, bytes);
  const { $ } = parsed;
  let first = true;
  for (const { key, source } of marks) {
    const table = source.table === undefined ? undefined : parsed.tables[source.table - 1];
    if (!table || source.row === undefined || source.cell === undefined) continue;
    const rows = rowsOf(table);
    const grid = new GridColumns();
    for (const [r, tr] of rows.entries()) {
      const tds = cellsOf(tr);
      const columns = grid.row(tds.map((td) => [span(td, 'colspan'), span(td, 'rowspan')]));
      if (r + 1 < source.row) continue;
      const td = tds[columns.indexOf(source.cell)];
      if (td) {
        $(td).addClass('gk-mark').attr('data-key', key);
        $(td).wrapInner(`<mark class="gk-mark" data-key="${escape(key)}"${first ? ' id="gk-first"' : ''}></mark>`);
        first = false;
      }
      break;
    }
  }
  // The report body the reader found (the site's menus and footers left out).
  const whole = (parsed.content as AnyNode).type === 'root';
  const content = $('<div class="gk-page"></div>').append(
    whole ? ($('body').length ? $('body').contents() : $.root().contents()) : $(parsed.content),
  );
  sanitize($, content);
  const title = $('title').first().text().trim() || file;
  return page(title, content.html() ?? '');
}

/** True when a line's cell (or the line) stands at the source place. */
function samePlace(at: SourceLocation | undefined, target: SourceLocation): boolean {
  if (!at) return false;
  if (target.table !== undefined) return at.table === target.table && at.row === target.row && at.cell === target.cell;
  if (target.page !== undefined && target.x !== undefined)
    return at.page === target.page && Math.abs((at.x ?? -1e9) - target.x) < 0.5 && Math.abs((at.y ?? -1e9) - (target.y ?? 0)) < 0.5;
  return false;
}

/** The document's lines as HTML: table rows as tables, other lines as lines, the cells of `marks` marked. */
function linesView(title: string, lines: readonly DocLine[], marks: readonly { key: string; source: SourceLocation }[]): string {
  const out: string[] = [];
  let first = true;
  let open: number | undefined;
  const markOf = (at: SourceLocation | undefined) => marks.find((m) => samePlace(at, m.source));
  const attrs = (key: string) => ` class="gk-mark" data-key="${escape(key)}"${first ? ((first = false), ' id="gk-first"') : ''}`;
  for (const [i, line] of lines.entries()) {
    const tableNo = line.cells ? (line.source.table ?? -1) : undefined;
    if (open !== undefined && open !== tableNo) {
      out.push('</table>');
      open = undefined;
    }
    const lineNo = line.source.line;
    const lineMark =
      lineNo === undefined ? undefined : marks.find((m) => m.source.table === undefined && m.source.x === undefined && m.source.line === lineNo);
    if (line.cells) {
      if (open === undefined) {
        out.push('<table>');
        open = tableNo;
      }
      const cells = line.cells.map((text, c) => {
        const mark = markOf(line.cellSources?.[c]);
        return mark ? `<td${attrs(mark.key)}><mark class="gk-mark">${escape(text)}</mark></td>` : `<td>${escape(text)}</td>`;
      });
      out.push(`<tr${lineMark ? attrs(lineMark.key) : ''}>${cells.join('')}</tr>`);
    } else {
      const no = `<span class="gk-no">${lineNo ?? i + 1}</span>`;
      out.push(
        lineMark
          ? `<div class="gk-line"><span class="gk-no">${lineNo}</span><mark${attrs(lineMark.key)}>${escape(line.text)}</mark></div>`
          : `<div class="gk-line">${no}${escape(line.text)}</div>`,
      );
    }
  }
  if (open !== undefined) out.push('</table>');
  return page(title, out.join('\n'));
}

/**
 * A stored report's source as a safe HTML page with the cells of `keys` marked (`<mark
 * class="gk-mark" data-key>`, the first with id `gk-first` to scroll to): an HTML page
 * sanitized, anything else (DOCX, text, OFD, legacy Word) as the reader's lines and tables.
 */
export async function renderView(
  file: string,
  bytes: Uint8Array,
  report: Report | null,
  keys: readonly string[],
  /** How the container is read into lines: on the server's read workers (default: in this thread). */
  read: (bytes: Uint8Array, file: string) => Promise<SourceDocument> = async (b, f) => (await import('../ingest/read-report.ts')).readDocument(f, b),
): Promise<string> {
  const marks = keys.flatMap((key) => {
    const source = report?.cells[key]?.source;
    return source ? [{ key, source }] : [];
  });
  if (report?.meta.source.kind === 'html') return htmlView(file, bytes, marks);
  const doc = await read(bytes, file);
  if (doc.kind === 'html') return htmlView(file, bytes, marks);
  return linesView(report?.meta.title ?? file, doc.lines, marks);
}
