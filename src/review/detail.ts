import { agencyKey } from '../check/index.ts';
import type { Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { B_OTHER_MERGED_KEYS, cellSpecs, getFormat } from '../format/index.ts';
import type { Finding, Report, SourceKind, SourceLocation } from '../report/index.ts';
import { applyCorrections } from './checks.ts';
import { cellLabels } from './labels.ts';
import { fingerprints } from './sync-issues.ts';
import type { CellView, CorrectionView, IssueStatus, IssueView, ReportDetail, ReportStatus, ReportSummary } from './types.ts';

interface SummaryRow {
  id: number;
  batch_id: number;
  file_name: string;
  kind: SourceKind | null;
  size: number;
  status: ReportStatus;
  error: { reason: string; reasonEn: string } | null;
  agency: string | null;
  agency_level: 'government' | 'department' | null;
  year: number | null;
  format: string | null;
  published_on: string | Date | null;
  errors: number;
  warnings: number;
  corrections: number;
  issue_counts: Partial<Record<IssueStatus, number>> | null;
  created_at: string | Date;
}

const SUMMARY = `
  select r.id, r.batch_id, r.file_name, r.kind, r.size, r.status, r.error, r.agency, r.agency_level, r.year, r.format,
         to_char(r.published_on, 'YYYY-MM-DD') as published_on, r.errors, r.warnings, r.created_at,
         (select count(*)::int from review_corrections c where c.report_id = r.id) as corrections,
         (select jsonb_object_agg(status, n) from (select status, count(*)::int as n from review_issues i
           where i.report_id = r.id and i.present group by status) s) as issue_counts
    from review_reports r`;

function summary(row: SummaryRow): ReportSummary {
  return {
    id: row.id,
    batchId: row.batch_id,
    fileName: row.file_name,
    kind: row.kind,
    size: row.size,
    status: row.status,
    error: row.error,
    agency: row.agency,
    agencyLevel: row.agency_level,
    year: row.year,
    format: row.format,
    publishedOn: row.published_on === null ? null : String(row.published_on).slice(0, 10),
    errors: row.errors,
    warnings: row.warnings,
    corrections: row.corrections,
    issueCounts: row.issue_counts ?? {},
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Filters of a batch's report list. */
export interface ReportFilter {
  status?: ReportStatus | undefined;
  /** Part of the file name or agency. */
  q?: string | undefined;
  /** Only reports with (true) or without (false) errors or warnings. */
  hasFindings?: boolean | undefined;
}

/** A batch's reports in upload order. */
export async function listReports(db: Queryable, batchId: number, filter: ReportFilter = {}): Promise<ReportSummary[]> {
  const where = ['r.batch_id = $1'];
  const params: unknown[] = [batchId];
  if (filter.status) {
    params.push(filter.status);
    where.push(`r.status = $${params.length}`);
  }
  if (filter.q) {
    params.push(`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    where.push(`(r.file_name ilike $${params.length} or r.agency ilike $${params.length})`);
  }
  if (filter.hasFindings !== undefined) where.push(filter.hasFindings ? 'r.errors + r.warnings > 0' : 'r.errors + r.warnings = 0');
  const rows = await db.query<SummaryRow>(`${SUMMARY} where ${where.join(' and ')} order by r.id`, params);
  return rows.rows.map(summary);
}

/** Reports by id, in the order given (ids not found left out). */
export async function reportSummaries(db: Queryable, ids: readonly number[]): Promise<ReportSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<SummaryRow>(`${SUMMARY} where r.id = any($1::int[])`, [[...ids]]);
  const byId = new Map(rows.rows.map((r) => [r.id, summary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A report's corrections, oldest first. */
export async function correctionsOf(db: Queryable, reportId: number): Promise<CorrectionView[]> {
  const rows = await db.query<{
    id: number;
    key: string;
    read_value: string | null;
    read_raw: string | null;
    value: string | null;
    reason: string;
    corrected_by: string;
    corrected_at: string | Date;
  }>('select id, key, read_value, read_raw, value, reason, corrected_by, corrected_at from review_corrections where report_id = $1 order by id', [
    reportId,
  ]);
  const num = (v: string | null) => (v === null ? null : Number(v));
  return rows.rows.map((r) => ({
    id: r.id,
    key: r.key,
    readValue: num(r.read_value),
    readRaw: r.read_raw,
    value: num(r.value),
    reason: r.reason,
    correctedBy: r.corrected_by,
    correctedAt: new Date(r.corrected_at).toISOString(),
  }));
}

/** The place of a finding in the source: its own, else its first cell's. */
export function findingSource(
  finding: Pick<Finding, 'source' | 'keys'> | undefined,
  report: Report | null,
  keys: readonly string[],
): SourceLocation | null {
  if (finding?.source) return finding.source;
  for (const key of keys) {
    const source = report?.cells[key]?.source;
    if (source) return source;
  }
  return null;
}

/** A report's issues (present ones first), with the source place of each. */
export async function issuesOf(db: Queryable, reportId: number, report: Report | null, findings: readonly Finding[]): Promise<IssueView[]> {
  const rows = await db.query<{
    id: number;
    rule: string;
    severity: Finding['severity'];
    message: string;
    keys: string[];
    fingerprint: string;
    present: boolean;
    status: IssueStatus;
    note: string | null;
    assigned_agency_id: number | null;
    assigned_agency: string | null;
    due_on: string | null;
    response: string | null;
    responded_by: string | null;
    responded_at: string | Date | null;
    updated_by: string | null;
    updated_at: string | Date;
  }>(
    `select i.id, i.rule, i.severity, i.message, i.keys, i.fingerprint, i.present, i.status, i.note, i.assigned_agency_id,
            a.name as assigned_agency, to_char(i.due_on, 'YYYY-MM-DD') as due_on, i.response, i.responded_by, i.responded_at,
            i.updated_by, i.updated_at
       from review_issues i left join agencies a on a.id = i.assigned_agency_id
      where i.report_id = $1 order by i.present desc, i.id`,
    [reportId],
  );
  const prints = fingerprints(findings);
  const byPrint = new Map(findings.map((f, i) => [prints[i], f]));
  return rows.rows.map((r) => ({
    id: r.id,
    reportId,
    rule: r.rule,
    severity: r.severity,
    message: r.message,
    keys: r.keys,
    source: findingSource(byPrint.get(r.fingerprint), report, r.keys),
    present: r.present,
    status: r.status,
    note: r.note,
    assignedAgencyId: r.assigned_agency_id,
    assignedAgency: r.assigned_agency,
    dueOn: r.due_on,
    response: r.response,
    respondedBy: r.responded_by,
    respondedAt: r.responded_at === null ? null : new Date(r.responded_at).toISOString(),
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** Every cell of the report's edition (and any other it holds), as read and in effect, with the standard's labels. */
export function cellViews(report: Report | null, format: string | null, corrections: readonly CorrectionView[]): CellView[] {
  const edition = getFormat(format === '2019' ? '2019' : '2021');
  const latest = new Map(corrections.map((c) => [c.key, c.value]));
  const effective = report ? applyCorrections(report, latest) : null;
  const keys = cellSpecs(edition).map((s) => s.key);
  const known = new Set(keys);
  for (const key of [...B_OTHER_MERGED_KEYS, ...Object.keys(report?.cells ?? {}), ...latest.keys()]) {
    if (!known.has(key) && (report?.cells[key] || latest.has(key))) {
      known.add(key);
      keys.push(key);
    }
  }
  return keys.map((key) => ({
    key,
    ...cellLabels(key, edition),
    read: report?.cells[key] ?? null,
    value: effective?.cells[key]?.value ?? null,
    corrected: latest.has(key),
  }));
}

/**
 * The same agency's reports of other years, in batches of agencies in `scope` (by the
 * normalised agency name).
 */
export async function otherYears(
  db: Queryable,
  reportId: number,
  agency: string | null,
  year: number | null,
  scope: readonly number[] | 'all',
): Promise<ReportDetail['otherYears']> {
  const key = agencyKey(agency);
  if (key === null) return [];
  const rows = await db.query<{ id: number; agency: string; year: number; batch_id: number }>(
    `select r.id, r.agency, r.year, r.batch_id from review_reports r join review_batches b on b.id = r.batch_id
      where r.status = 'read' and r.id <> $1 and r.year is not null and r.agency is not null
        and ($2::int[] is null or b.owner_agency_id = any($2::int[]))
        and ($3::int is null or r.year <> $3)
      order by r.year, r.id`,
    [reportId, scope === 'all' ? null : [...scope], year],
  );
  return rows.rows.filter((r) => agencyKey(r.agency) === key).map((r) => ({ id: r.id, year: r.year, batchId: r.batch_id }));
}

/** One report in full (the caller has checked the scope). */
export async function reportDetail(db: Queryable, reportId: number, scope: readonly number[] | 'all'): Promise<ReportDetail> {
  const head = (await reportSummaries(db, [reportId]))[0];
  if (!head) throw new AppError('not_found', `没有这份报告：${reportId}`);
  const row = (
    await db.query<{ report: Report | null; findings: Finding[] }>('select report, findings from review_reports where id = $1', [reportId])
  ).rows[0] as { report: Report | null; findings: Finding[] };
  const report = row.report;
  const corrections = await correctionsOf(db, reportId);
  return {
    ...head,
    title: report?.meta.title ?? null,
    tables: report ? Object.fromEntries(Object.values(report.tables).map((t) => [t.id, t.status])) : {},
    sections: (report?.sections ?? []).map((s) => ({ id: s.id, heading: s.heading, text: s.text })),
    cells: report ? cellViews(report, head.format, corrections) : [],
    findings: row.findings,
    issues: await issuesOf(db, reportId, report, row.findings),
    correctionsLog: corrections,
    otherYears: await otherYears(db, reportId, head.agency, head.year, scope),
    view: head.kind === 'pdf' ? 'pdf' : 'html',
  };
}
