import { APPLICANT_COLUMNS, getTable, type TableId } from '../../format/index.ts';
import { formatOf, type Report } from '../../report/index.ts';
import { valueText } from '../layout.ts';
import { chineseDate, reportTitle, sectionsToRender } from '../text.ts';

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [row(header), row(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(row)].join('\n');
}

function tableMarkdown(report: Report, id: TableId): string {
  const spec = getTable(formatOf(report), id);
  if (id === 'a') {
    return spec.blocks
      .map(
        (b) =>
          `${b.label ?? ''}\n\n${table(
            ['信息内容', ...b.columns.map((c) => c.label)],
            b.rows.map((r) => [r.label, ...b.columns.map((c) => valueText(report, `a.${r.key}.${c.key}`))]),
          )}`,
      )
      .join('\n\n');
  }
  const block = spec.blocks[0];
  if (!block) return '';
  if (id === 'b') {
    const rows = block.rows.map((r) => [r.short, ...APPLICANT_COLUMNS.map((c) => valueText(report, `b.${r.key}.${c.key}`))]);
    return table(['申请人情况', ...APPLICANT_COLUMNS.map((c) => c.label)], rows);
  }
  const rows = block.rows.map((r) => [[...r.groups, r.label].join('·'), ...block.columns.map((c) => valueText(report, `c.${r.key}.${c.key}`))]);
  return table(['', ...block.columns.map((c) => c.label)], rows);
}

/**
 * Renders a report as Markdown for content systems: merged cells cannot be expressed, so the
 * tables are flat, one row per standard row with its full label.
 */
export function renderMarkdown(report: Report): string {
  const parts = [`# ${reportTitle(report)}`];
  for (const s of sectionsToRender(report)) {
    parts.push(`## ${s.heading}`);
    if (s.paragraphs.length) parts.push(s.paragraphs.join('\n\n'));
    if (s.table) parts.push(tableMarkdown(report, s.table));
  }
  const signature = [report.meta.agency ?? '', chineseDate(report.meta.date)].filter(Boolean);
  if (signature.length) parts.push(signature.join('  \n'));
  return `${parts.join('\n\n')}\n`;
}
