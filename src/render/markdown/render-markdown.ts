import type { TableId } from '../../format/index.ts';
import { formatOf, type Report } from '../../report/index.ts';
import { flatTable, valueText } from '../layout.ts';
import { chineseDate, reportTitle, sectionsToRender } from '../text.ts';

/**
 * Text from a report made inert in Markdown: HTML (「<script>」「<img onerror>」) becomes
 * entities, and the characters of links, images, emphasis and code are escaped, so an agency
 * name or a section cannot inject markup into the page a content system builds from it.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]!]/g, '\\$&');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => escapeMarkdown(c).replace(/\|/g, '｜')).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [row(header), row(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(row)].join('\n');
}

function tableMarkdown(report: Report, id: TableId): string {
  return flatTable(formatOf(report), id)
    .map((b) => {
      const body = table(
        [b.corner, ...b.columns],
        b.rows.map((r) => [r.label, ...r.keys.map((k) => valueText(report, k))]),
      );
      return b.caption ? `${b.caption}\n\n${body}` : body;
    })
    .join('\n\n');
}

/**
 * Renders a report as Markdown for content systems: merged cells cannot be expressed, so the
 * tables are flat, one row per standard row with its full label.
 */
export function renderMarkdown(report: Report): string {
  const parts = [`# ${escapeMarkdown(reportTitle(report))}`];
  for (const s of sectionsToRender(report)) {
    parts.push(`## ${escapeMarkdown(s.heading)}`);
    if (s.paragraphs.length) parts.push(s.paragraphs.map(escapeMarkdown).join('\n\n'));
    if (s.table) parts.push(tableMarkdown(report, s.table));
  }
  const signature = [escapeMarkdown(report.meta.agency ?? ''), chineseDate(report.meta.date)].filter(Boolean);
  if (signature.length) parts.push(signature.join('  \n'));
  return `${parts.join('\n\n')}\n`;
}
