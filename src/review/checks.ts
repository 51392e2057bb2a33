import { type AgencyLevel, agencyKey, runChecks, runSeriesChecks } from '../check/index.ts';
import type { Queryable } from '../db/index.ts';
import type { Finding, Report } from '../report/index.ts';
import { syncIssues } from './sync-issues.ts';

/** The figures corrected by hand: the latest correction of each key of a report. */
export async function correctionsInEffect(db: Queryable, reportId: number): Promise<Map<string, number | null>> {
  const rows = await db.query<{ key: string; value: string | number | null }>(
    'select distinct on (key) key, value from review_corrections where report_id = $1 order by key, id desc',
    [reportId],
  );
  return new Map(rows.rows.map((r) => [r.key, r.value === null ? null : Number(r.value)]));
}

/** The report with the corrected figures in place of those read (the provenance of each cell kept). */
export function applyCorrections(report: Report, corrections: ReadonlyMap<string, number | null>): Report {
  if (corrections.size === 0) return report;
  const cells = { ...report.cells };
  for (const [key, value] of corrections) {
    const cell = cells[key];
    cells[key] = cell ? { ...cell, value } : { key, value, raw: '' };
  }
  return { ...report, cells };
}

/** The figures of a report, flat: key → number or null. */
export function flatCells(report: Report): Record<string, number | null> {
  return Object.fromEntries(Object.values(report.cells).map((c) => [c.key, c.value]));
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

interface StoredRow {
  id: number;
  batch_id: number;
  agency: string | null;
  agency_level: AgencyLevel | null;
  year: number | null;
  published_on: string | Date | null;
  report: Report | null;
}

const day = (v: string | Date | null) => (v === null ? undefined : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

/** A stored report with its corrections applied. */
export async function reportInEffect(db: Queryable, reportId: number): Promise<Report | undefined> {
  const row = (await db.query<{ report: Report | null }>("select report from review_reports where id = $1 and status = 'read'", [reportId])).rows[0];
  if (!row?.report) return undefined;
  return applyCorrections(row.report, await correctionsInEffect(db, reportId));
}

/** The ids of the read reports of a batch whose agency is `agency` (by `agencyKey`) and whose year is `year`. */
export async function sameAgency(db: Queryable, batchId: number, agency: string | null, year: number | null): Promise<number[]> {
  const key = agencyKey(agency);
  if (key === null || year === null) return [];
  const rows = await db.query<{ id: number; agency: string }>(
    "select id, agency from review_reports where batch_id = $1 and year = $2 and status = 'read' and agency is not null order by id",
    [batchId, year],
  );
  return rows.rows.filter((r) => agencyKey(r.agency) === key).map((r) => r.id);
}

/**
 * Re-runs the checks of one stored report in the caller's transaction: the 17 rules on its
 * figures in effect, the series rules against its agency's report of the year before in the
 * same batch (when there is exactly one) with its level's deadline; stores the figures,
 * findings and counts, and syncs its issues. Returns the findings.
 */
export async function recheckReport(tx: Queryable, reportId: number): Promise<Finding[]> {
  const row = (
    await tx.query<StoredRow>(
      "select id, batch_id, agency, agency_level, year, published_on, report from review_reports where id = $1 and status = 'read'",
      [reportId],
    )
  ).rows[0];
  if (!row?.report) return [];
  const report = applyCorrections(row.report, await correctionsInEffect(tx, reportId));
  const previousIds = await sameAgency(tx, row.batch_id, row.agency, row.year === null ? null : row.year - 1);
  const previous = previousIds.length === 1 ? await reportInEffect(tx, previousIds[0] as number) : undefined;
  const publishedOn = day(row.published_on);
  const series = runSeriesChecks(report, {
    ...(previous ? { previous } : {}),
    ...(row.agency_level ? { level: row.agency_level } : {}),
    ...(publishedOn ? { publishedOn } : {}),
  });
  const findings = [...runChecks(report), ...series].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  await tx.query('update review_reports set cells = $2::jsonb, findings = $3::jsonb, errors = $4, warnings = $5 where id = $1', [
    reportId,
    JSON.stringify(flatCells(report)),
    JSON.stringify(findings),
    errors,
    warnings,
  ]);
  await syncIssues(tx, reportId, findings);
  return findings;
}

/** Re-checks the reports of the year after a report's, of the same agency and batch (their carry-over rules read this one). */
export async function recheckFollowing(tx: Queryable, reportId: number): Promise<void> {
  const row = (
    await tx.query<{ batch_id: number; agency: string | null; year: number | null }>(
      'select batch_id, agency, year from review_reports where id = $1',
      [reportId],
    )
  ).rows[0];
  if (!row || row.year === null) return;
  for (const id of await sameAgency(tx, row.batch_id, row.agency, row.year + 1)) await recheckReport(tx, id);
}
