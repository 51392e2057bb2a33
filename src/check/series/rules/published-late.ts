import { agencyLevel } from '../agency.ts';
import { deadlineText, publicationDeadline } from '../deadline.ts';
import { defineSeriesRule } from '../series-rule.ts';

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The report was published by the deadline of the agency's level (《条例》第四十九条:
 * departments by 31 January, people's governments by 31 March of the next year). The date is
 * the one given by the caller, else the one read from the document; a date before the next
 * year began is not a publication date (the text names some other day) and is not judged.
 */
export const publishedLate = defineSeriesRule({
  id: 'published-late',
  severity: 'warning',
  title: '年度报告应在法定期限内公布：部门1月31日前，人民政府3月31日前（《条例》第四十九条）',
  check(report, context) {
    const year = report.meta.year;
    const date = context.publishedOn ?? report.meta.date;
    if (year === null || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || date < `${year + 1}-01-01`) return [];
    const level = context.level ?? agencyLevel(report.meta.agency);
    const deadline = publicationDeadline(year, level);
    if (date <= deadline) return [];
    const where = context.publishedOn ? '的公布日期' : '所署日期';
    return [
      {
        message: `${year}年度报告${where}为${chineseDate(date)}，晚于法定期限（${deadlineText(year, level)}）`,
        expected: deadline,
        actual: date,
      },
    ];
  },
});
