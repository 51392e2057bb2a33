import { TABLE_NAMES, type TableId } from '../format/index.ts';
// The layout module alone: render/index.ts loads every renderer.
import { flatTable } from '../render/layout.ts';
import { formatOf, missingItems, type Report } from '../report/index.ts';
import { printable } from '../printable.ts';
import { columns } from './text-width.ts';

const STATUS: Record<string, string> = { complete: '完整', partial: '不完整', absent: '未找到', image: '图片（无法提取）' };

function cellText(report: Report, key: string): string {
  const cell = report.cells[key];
  if (!cell) return '·';
  return cell.value === null ? '空' : String(cell.value);
}

function tableLines(report: Report, id: TableId): string[] {
  const info = report.tables[id];
  const lines = [`${TABLE_NAMES[id]}：${STATUS[info.status]}`];
  if (info.status === 'absent' || info.status === 'image') return lines;
  for (const block of flatTable(formatOf(report), id)) {
    const rows = [
      [block.caption ?? block.corner, ...block.columns.map((c) => c.replace(/（单位：万元）/, '（万元）'))],
      ...block.rows.map((r) => [r.label, ...r.keys.map((k) => cellText(report, k))]),
    ];
    lines.push(...columns(rows).map((l) => `  ${l}`));
  }
  return lines;
}

/** A report's metadata and tables as the standard lays them out, for a terminal. */
export function printReport(report: Report): string {
  const m = report.meta;
  const format = m.format ? formatOf(report).name : '未识别';
  const head = [
    `== ${printable(m.source.file)}`,
    `机关：${printable(m.agency ?? '未识别')}  年度：${m.year ?? '未识别'}  格式：${format}${m.date ? `  日期：${m.date}` : ''}`,
  ];
  const body = (['a', 'b', 'c'] as TableId[]).flatMap((id) => tableLines(report, id));
  const missing = missingItems(report);
  const tail = [`（「空」为空白单元格，「·」为原文中没有的单元格）${missing.length ? `  缺失：${missing.length}项` : ''}`];
  return [...head, ...body, ...tail].join('\n');
}
