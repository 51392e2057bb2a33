import { SECTIONS, type TableId } from '../format/index.ts';
import type { Report } from '../report/index.ts';

/** The standard title: 「<agency><year>年政府信息公开工作年度报告」. */
export function reportTitle(report: Report): string {
  const { agency, year, title } = report.meta;
  if (agency && year) return `${agency}${year}年政府信息公开工作年度报告`;
  return title ?? '政府信息公开工作年度报告';
}

/** 2024-01-16 → 2024年1月16日. */
export function chineseDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** The six sections in order with the standard headings and each one's text and table. */
export function sectionsToRender(report: Report): { id: number; heading: string; paragraphs: string[]; table?: TableId }[] {
  const tableOf: Record<number, TableId> = { 2: 'a', 3: 'b', 4: 'c' };
  return SECTIONS.map((spec) => {
    const section = report.sections.find((s) => s.id === spec.id);
    const paragraphs = (section?.text ?? '')
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    const table = tableOf[spec.id];
    return table ? { id: spec.id, heading: spec.heading, paragraphs, table } : { id: spec.id, heading: spec.heading, paragraphs };
  });
}
