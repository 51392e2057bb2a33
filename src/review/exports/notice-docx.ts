import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import type { Queryable } from '../../db/index.ts';
import { bodyParagraph, FONT, LINE, officialDocx, PAGE, run, SIZE, signatureParagraphs, titleParagraph } from '../../render/docx/render-letter.ts';
import { chineseDate } from '../../render/text.ts';
import type { Severity } from '../../report/index.ts';
import { issueList, ruleTitle } from '../issues.ts';
import { ISSUE_STATUS_NAMES, type IssueStatus } from '../types.ts';

/**
 * The 通报 of a batch: 关于<year>年度政府信息公开工作年度报告审查情况的通报 — 总体情况 (reports
 * reviewed, those with problems, problems by severity and rule), the 问题清单 of each agency as a
 * table, 整改要求, and the sign-off of the batch's owner. Only confirmed-or-later issues go in.
 */

/** The facts of a notice, gathered from a batch (and rendered by `renderNotice`). */
export interface NoticeFacts {
  year: number | null;
  owner: string | null;
  /** The day it is issued (ISO). */
  issuedOn: string;
  reviewed: number;
  withIssues: number;
  bySeverity: Record<Severity, number>;
  byRule: { rule: string; title: string; count: number }[];
  groups: { agency: string; issues: { message: string; cells: string[]; status: IssueStatus; dueOn: string | null }[] }[];
}

/** The facts of a batch's notice; the year is the batch's, else the one most of its reports are of. */
export async function noticeFacts(db: Queryable, batchId: number, issuedOn: string): Promise<NoticeFacts> {
  const batch = (
    await db.query<{ year: number | null; owner: string | null; common: number | null }>(
      `select b.year, a.name as owner,
         (select r.year from review_reports r where r.batch_id = b.id and r.year is not null group by r.year order by count(*) desc, r.year desc limit 1) as common
       from review_batches b left join agencies a on a.id = b.owner_agency_id where b.id = $1`,
      [batchId],
    )
  ).rows[0];
  const list = await issueList(db, batchId);
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const rules = new Map<string, number>();
  for (const g of list.groups)
    for (const i of g.issues) {
      bySeverity[i.severity] += 1;
      rules.set(i.rule, (rules.get(i.rule) ?? 0) + 1);
    }
  return {
    year: batch?.year ?? batch?.common ?? null,
    owner: batch?.owner ?? null,
    issuedOn,
    reviewed: list.reports.read,
    withIssues: list.reports.withIssues,
    bySeverity,
    byRule: [...rules]
      .map(([rule, count]) => ({ rule, title: ruleTitle(rule), count }))
      .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
    groups: list.groups.map((g) => ({
      agency: g.agency,
      issues: g.issues.map((i) => ({ message: i.message, cells: i.cellLabels, status: i.status, dueOn: i.dueOn })),
    })),
  };
}

const ORDINALS = '一二三四五六七八九十';
/** 一 … 九十九: the numbering of the agencies' parts. */
export function chineseNumber(n: number): string {
  if (n <= 10) return ORDINALS[n - 1] ?? String(n);
  if (n < 20) return `十${ORDINALS[n - 11] ?? ''}`;
  if (n < 100) return `${ORDINALS[Math.floor(n / 10) - 1]}十${n % 10 ? ORDINALS[(n % 10) - 1] : ''}`;
  return String(n);
}

/** A finding's cells in a table: the first few labels, then how many more. */
function cellsText(cells: readonly string[]): string {
  if (cells.length === 0) return '—';
  const shown = cells.slice(0, 2).join('；');
  return cells.length > 2 ? `${shown}等${cells.length}个单元格` : shown;
}

const TABLE_SIZE = 21; // 五号 (10.5 pt)
const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '问题', width: 42 },
  { header: '涉及单元格', width: 28 },
  { header: '状态', width: 10 },
  { header: '整改期限', width: 14 },
];
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function tableCell(text: string, header: boolean, center: boolean): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: [
      new Paragraph({
        alignment: header || center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(text, header ? FONT.heading : FONT.body, TABLE_SIZE)],
      }),
    ],
  });
}

function issueTable(issues: NoticeFacts['groups'][number]['issues']): Table {
  const usable = PAGE.width - PAGE.left - PAGE.right;
  const total = COLUMNS.reduce((n, c) => n + c.width, 0);
  return new Table({
    width: { size: usable, type: WidthType.DXA },
    columnWidths: COLUMNS.map((c) => Math.floor((usable * c.width) / total)),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: COLUMNS.map((c) => tableCell(c.header, true, true)) }),
      ...issues.map(
        (issue, i) =>
          new TableRow({
            cantSplit: true,
            children: [
              tableCell(String(i + 1), false, true),
              tableCell(issue.message, false, false),
              tableCell(cellsText(issue.cells), false, false),
              tableCell(ISSUE_STATUS_NAMES[issue.status], false, true),
              tableCell(issue.dueOn ? chineseDate(issue.dueOn) : '—', false, true),
            ],
          }),
      ),
    ],
  });
}

function heading(text: string, font: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 640 }, spacing: LINE, keepNext: true, children: [run(text, font, SIZE.body)] });
}

/** The notice's title. */
export function noticeTitle(year: number | null): string {
  return `关于${year ? `${year}年度` : ''}政府信息公开工作年度报告审查情况的通报`;
}

/** Renders a notice as a Word document laid out as an official document. */
export async function renderNotice(facts: NoticeFacts): Promise<Uint8Array> {
  const issues = facts.groups.reduce((n, g) => n + g.issues.length, 0);
  const { error, warning, info } = facts.bySeverity;
  const severities = [error && `错误${error}个`, warning && `警告${warning}个`, info && `提示${info}个`].filter(Boolean).join('、');
  const children: (Paragraph | Table)[] = [
    titleParagraph(noticeTitle(facts.year)),
    heading('一、总体情况', FONT.heading),
    bodyParagraph(
      `${facts.owner ?? '本机关'}对${facts.reviewed}份${facts.year ? `${facts.year}年度` : ''}政府信息公开工作年度报告进行了审查。` +
        (issues ? `其中${facts.withIssues}份报告存在问题，经审核确认问题${issues}个（${severities}）。` : '经审核，未发现需要整改的问题。'),
    ),
  ];
  if (facts.byRule.length) {
    children.push(bodyParagraph(`按问题类型分：${facts.byRule.map((r) => `「${r.title}」${r.count}个`).join('，')}。`));
    children.push(heading('二、问题清单', FONT.heading));
    facts.groups.forEach((g, i) => {
      children.push(heading(`（${chineseNumber(i + 1)}）${g.agency}（${g.issues.length}个）`, FONT.subheading));
      children.push(issueTable(g.issues));
      children.push(new Paragraph({ children: [] }));
    });
    children.push(heading('三、整改要求', FONT.heading));
    children.push(
      bodyParagraph(
        '请各有关单位对照问题清单逐项核查，在整改期限内完成整改。年度报告数据或内容有误的，应予更正，并在原发布渠道重新公布更正后的年度报告。',
      ),
      bodyParagraph('整改完成后，请通过系统反馈整改情况；对整改不到位的问题，将退回继续整改。'),
    );
  }
  children.push(new Paragraph({ children: [] }), ...signatureParagraphs([facts.owner ?? '', chineseDate(facts.issuedOn)].filter(Boolean)));
  return officialDocx(noticeTitle(facts.year), children);
}
