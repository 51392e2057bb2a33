import { TABLE_NAMES } from '../../format/index.ts';
import { formatOf, type Report } from '../../report/index.ts';
import { type LayoutCell, tableLayout } from '../layout.ts';
import { chineseDate, reportTitle, sectionsToRender } from '../text.ts';
import { REPORT_CSS } from './styles.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string);
}

function cellHtml(cell: LayoutCell, scope?: string): string {
  const tag = cell.header ? 'th' : 'td';
  const attrs = [
    cell.colSpan ? ` colspan="${cell.colSpan}"` : '',
    cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : '',
    cell.header && scope ? ` scope="${scope}"` : '',
    cell.key ? ` data-key="${cell.key}"` : '',
  ].join('');
  return `<${tag}${attrs}>${escapeHtml(cell.text)}</${tag}>`;
}

function tableHtml(report: Report, id: 'a' | 'b' | 'c'): string {
  const layout = tableLayout(formatOf(report), report, id);
  const head = layout.head.length ? `<thead>${layout.head.map((r) => `<tr>${r.map((c) => cellHtml(c, 'col')).join('')}</tr>`).join('')}</thead>` : '';
  const total = layout.widths.reduce((a, b) => a + b, 0);
  const cols = `<colgroup>${layout.widths.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join('')}</colgroup>`;
  const body = `<tbody>${layout.body.map((r) => `<tr>${r.map((c) => cellHtml(c, 'row')).join('')}</tr>`).join('\n')}</tbody>`;
  return `<table class="table-${id}" aria-label="${escapeHtml(TABLE_NAMES[id])}">${cols}${head}\n${body}</table>`;
}

/** Options of the HTML page. */
export interface HtmlOptions {
  /** Style sheet appended after the standard one (another page size, fonts, column widths). */
  css?: string;
}

/**
 * Renders a report as one standalone, printable HTML page in the standard layout: the title,
 * the six sections with their standard headings, the three tables with the standard's merged
 * header cells, and the signature.
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const title = reportTitle(report);
  const date = chineseDate(report.meta.date);
  const signature =
    report.meta.agency || date ? `<div class="signature"><p>${escapeHtml(report.meta.agency ?? '')}</p><p>${escapeHtml(date)}</p></div>` : '';
  const list = sectionsToRender(report);
  const sections = list
    .map((s, i) => {
      const paragraphs = s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
      // The last paragraph and the sign-off stay on one page.
      const last = i === list.length - 1 && !s.table && signature && paragraphs.length ? paragraphs.pop() : undefined;
      const closing = last ? `\n<div class="closing">${last}\n${signature}</div>` : '';
      const table = s.table ? `\n${tableHtml(report, s.table)}` : '';
      return `<section>\n<h2>${escapeHtml(s.heading)}</h2>\n${paragraphs.join('\n')}${table}${closing}\n</section>`;
    })
    .join('\n');
  const closed = list.at(-1) && !list.at(-1)?.table && list.at(-1)?.paragraphs.length;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>${options.css ? `\n<style>${options.css}</style>` : ''}
</head>
<body>
<article class="report">
<h1>${escapeHtml(title)}</h1>
${sections}${closed || !signature ? '' : `\n${signature}`}
</article>
</body>
</html>
`;
}
