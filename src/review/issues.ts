import { RULES, SERIES_RULES } from '../check/index.ts';
import type { Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { cellLabel, getFormat } from '../format/index.ts';
import type { SourceLocation } from '../report/index.ts';
import { ISSUE_STATUS_NAMES, type IssueStatus, type IssueView } from './types.ts';

/**
 * The findings under review as the console lists them: one batch's issues, the 问题清单 of an
 * agency, and the views of single issues the workflow returns.
 */

/** An issue in a batch-wide list: the issue with its report's file, agency and year, and its cells' labels. */
export interface BatchIssue extends IssueView {
  fileName: string;
  /** The reported agency: the register's agency the report was matched to, else the name as read. */
  agency: string | null;
  year: number | null;
  /** The standard's labels of `keys`: 「表三「……」「自然人」」. */
  cellLabels: string[];
  /** The rule's title in Chinese (the rule id when it has none: a reader's observation). */
  ruleTitle: string;
}

/** The statuses of the 问题清单: confirmed, and everything after. */
export const LISTED_STATUSES: readonly IssueStatus[] = ['confirmed', 'rectifying', 'responded', 'archived'];

// What the readers notice while reading (`Report.messages`) has no rule definition to take a
// title from: their names as a notice lists them.
const READER_TITLES: Record<string, string> = {
  'read-columns-unread': '表格有列未能读取',
  'read-row-merged': '分项行合并填写，未按标准拆分',
  'read-row-ambiguous': '行内数值少于列数，无法确定所属列',
  'read-extra-values': '行内数值多于列数',
  'read-number-rejoined': '数字被换行拆开',
  'pdf-no-text': '扫描件，无文字层',
  converted: '旧版文档经转换后读取',
  ocr: '经文字识别（OCR）读取',
  'ocr-low-confidence': '文字识别置信度低，需人工核对',
};

const RULE_TITLES = new Map<string, string>([...RULES, ...SERIES_RULES].map((r) => [r.id, r.title]));

/** A rule's title in Chinese (a reader's observation's name), or the id of an unknown one. */
export function ruleTitle(rule: string): string {
  return RULE_TITLES.get(rule) ?? READER_TITLES[rule] ?? rule;
}

/** Zero counts of every status. */
export function statusCounts(): Record<IssueStatus, number> {
  return Object.fromEntries(Object.keys(ISSUE_STATUS_NAMES).map((s) => [s, 0])) as Record<IssueStatus, number>;
}

const ISO = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

// Where an issue is in the source: the finding's own place when the current findings give one
// (the finding of its rule and cells, of its message when a rule fires more than once there),
// else the first of its cells that has one. It reads the report's JSON: lists that do not show
// it (the 问题清单, the exports) leave it out.
const SOURCE = `coalesce(
      (select f->'source' from jsonb_array_elements(r.findings) f
        where f->>'rule' = i.rule and coalesce(f->'keys', '[]'::jsonb) = to_jsonb(i.keys) and f ? 'source'
        order by f->>'message' = i.message desc limit 1),
      (select r.report->'cells'->k->'source' from unnest(i.keys) with ordinality as u(k, n)
        where r.report->'cells'->k ? 'source' order by n limit 1))`;

// The issue, its assigned agency, its report's identity (and where it is in the source).
const select = (source: boolean) => `
  select i.id, i.report_id as "reportId", i.rule, i.severity, i.message, i.keys, i.present, i.status, i.note,
    i.assigned_agency_id as "assignedAgencyId", a.name as "assignedAgency", i.due_on as "dueOn",
    i.response, i.responded_by as "respondedBy", ${ISO('i.responded_at')} as "respondedAt",
    i.updated_by as "updatedBy", ${ISO('i.updated_at')} as "updatedAt",
    ${source ? SOURCE : 'null::jsonb'} as source,
    r.file_name as "fileName", coalesce(t.name, r.agency) as agency, r.year, r.report->'meta'->>'format' as format,
    r.batch_id as "batchId", r.target_agency_id as "targetAgencyId"
  from review_issues i
  join review_reports r on r.id = i.report_id
  left join agencies a on a.id = i.assigned_agency_id
  left join agencies t on t.id = r.target_agency_id`;

interface IssueRow extends Omit<IssueView, 'source'> {
  source: SourceLocation | null;
  fileName: string;
  agency: string | null;
  year: number | null;
  format: string | null;
  batchId: number;
  targetAgencyId: number | null;
}

/** The standard's label of each key, in the report's edition. */
export function labelsOf(keys: readonly string[], format: string | null): string[] {
  const spec = getFormat(format === '2019' ? '2019' : '2021');
  return keys.map((k) => cellLabel(spec, k));
}

function toBatchIssue(row: IssueRow): BatchIssue {
  const { format, batchId, targetAgencyId, ...rest } = row;
  void batchId;
  void targetAgencyId;
  return { ...rest, cellLabels: labelsOf(row.keys, format), ruleTitle: ruleTitle(row.rule) };
}

/** Orders issues as lists show them: by agency, report, severity, then id. */
const ORDER = `order by coalesce(t.name, r.agency, r.file_name), r.id,
  case i.severity when 'error' then 0 when 'warning' then 1 else 2 end, i.id`;

/** One issue as the API returns it; `not_found` when there is none. */
export async function issueView(db: Queryable, issueId: number): Promise<BatchIssue> {
  const row = (await db.query<IssueRow>(`${select(true)} where i.id = $1`, [issueId])).rows[0];
  if (!row) throw new AppError('not_found', `没有这个问题：${issueId}`);
  return toBatchIssue(row);
}

/** The batch an issue belongs to (for the scope check); `not_found` when there is no such issue. */
export async function batchOfIssue(db: Queryable, issueId: number): Promise<number> {
  const row = (
    await db.query<{ batch_id: number }>('select r.batch_id from review_issues i join review_reports r on r.id = i.report_id where i.id = $1', [
      issueId,
    ])
  ).rows[0];
  if (!row) throw new AppError('not_found', `没有这个问题：${issueId}`);
  return row.batch_id;
}

export interface IssueFilter {
  status?: IssueStatus | undefined;
  /** The reported agency's name (as `BatchIssue.agency`). */
  agency?: string | undefined;
  severity?: 'error' | 'warning' | 'info' | undefined;
  /** Include issues the checks no longer find. */
  all?: boolean | undefined;
  /** With each issue's place in the source (default true; exports leave it out). */
  source?: boolean;
}

/** A batch's issues: present ones (`all` adds those the checks no longer find), filtered. */
export async function listIssues(db: Queryable, batchId: number, filter: IssueFilter = {}): Promise<BatchIssue[]> {
  const where = ['r.batch_id = $1'];
  const params: unknown[] = [batchId];
  if (!filter.all) where.push('i.present');
  if (filter.status) where.push(`i.status = $${params.push(filter.status)}`);
  if (filter.severity) where.push(`i.severity = $${params.push(filter.severity)}`);
  if (filter.agency) where.push(`coalesce(t.name, r.agency) = $${params.push(filter.agency)}`);
  const { rows } = await db.query<IssueRow>(`${select(filter.source ?? true)} where ${where.join(' and ')} ${ORDER}`, params);
  return rows.map(toBatchIssue);
}

/** One reported agency's part of the 问题清单. */
export interface IssueListGroup {
  agency: string;
  /** The register's agency the reports were matched to, when they were. */
  agencyId: number | null;
  /** Reports of this agency in the batch. */
  reports: number;
  /** Its issues by status (present ones, and every one already in rectification). */
  counts: Record<IssueStatus, number>;
  /** Its confirmed-or-later issues. */
  issues: BatchIssue[];
}

/** The 问题清单 of a batch. */
export interface IssueList {
  batchId: number;
  /** Reports read in the batch, and those with listed issues. */
  reports: { read: number; withIssues: number };
  counts: Record<IssueStatus, number>;
  groups: IssueListGroup[];
}

const UNKNOWN_AGENCY = '（未识别机关）';

/**
 * The 问题清单: confirmed-or-later issues grouped by the reported agency, with each agency's
 * counts by status (issues without their place in the source: the report page shows it). A confirmed issue the checks no longer find (a misreading corrected) is left
 * out until it is reopened or dismissed; issues already in rectification stay whatever the checks say.
 */
export async function issueList(db: Queryable, batchId: number): Promise<IssueList> {
  const { rows } = await db.query<IssueRow>(
    `${select(false)} where r.batch_id = $1 and (i.present or i.status in ('rectifying', 'responded', 'archived')) ${ORDER}`,
    [batchId],
  );
  const reports = (
    await db.query<{ agency: string | null; agency_id: number | null; reports: number }>(
      `select coalesce(t.name, r.agency) as agency, r.target_agency_id as agency_id, count(*)::int as reports
       from review_reports r left join agencies t on t.id = r.target_agency_id
       where r.batch_id = $1 and r.status = 'read' group by 1, 2`,
      [batchId],
    )
  ).rows;
  const groups = new Map<string, IssueListGroup>();
  const counts = statusCounts();
  const withIssues = new Set<number>();
  for (const row of rows) {
    const name = row.agency ?? UNKNOWN_AGENCY;
    let group = groups.get(name);
    if (!group) {
      const known = reports.filter((r) => (r.agency ?? UNKNOWN_AGENCY) === name);
      group = { agency: name, agencyId: row.targetAgencyId, reports: known.reduce((n, r) => n + r.reports, 0), counts: statusCounts(), issues: [] };
      groups.set(name, group);
    }
    group.counts[row.status] += 1;
    counts[row.status] += 1;
    if (LISTED_STATUSES.includes(row.status)) {
      group.issues.push(toBatchIssue(row));
      withIssues.add(row.reportId);
    }
  }
  return {
    batchId,
    reports: { read: reports.reduce((n, r) => n + r.reports, 0), withIssues: withIssues.size },
    counts,
    groups: [...groups.values()].filter((g) => g.issues.length > 0),
  };
}
