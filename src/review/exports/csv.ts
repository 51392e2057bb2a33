import { FINDING_COLUMNS, findingRow } from '../../compare/xlsx.ts';
import type { Queryable } from '../../db/index.ts';
import { CSV_BOM, csvLines } from '../../export/index.ts';
import { fingerprints } from '../sync-issues.ts';
import { ISSUE_STATUS_NAMES, type IssueStatus } from '../types.ts';
import { batchReports } from './batch-reports.ts';

const HEADER = [...FINDING_COLUMNS.map((c) => c.header), '单元格键', '状态'];

/**
 * findings.csv of a batch, flavoured for Excel and WPS: one current finding of a read report
 * per row with its cells' keys and the standard's labels, and its status in the workflow; UTF-8
 * with a BOM, CRLF line ends, every text field made inert (a file or agency name starting with
 * = + - @ tab or CR gets a leading apostrophe).
 */
export async function findingsCsv(db: Queryable, batchId: number): Promise<string> {
  const parts = [CSV_BOM, csvLines([HEADER], { crlf: true })];
  for await (const page of batchReports(db, batchId)) {
    const issues = (
      await db.query<{ report_id: number; fingerprint: string; status: IssueStatus }>(
        'select report_id, fingerprint, status from review_issues where report_id = any($1::int[])',
        [page.map((r) => r.id)],
      )
    ).rows;
    const statusOf = new Map(issues.map((i) => [`${i.report_id}\u0001${i.fingerprint}`, i.status]));
    const rows = page.flatMap((r) => {
      const prints = fingerprints(r.findings);
      return r.findings.map((f, n) => {
        const row = findingRow(r.fileName, r.agency, r.year, f) as Record<string, string | number | null | undefined>;
        const status = statusOf.get(`${r.id}\u0001${prints[n]}`);
        return [...FINDING_COLUMNS.map((c) => row[c.key] ?? null), (f.keys ?? []).join(' '), status ? ISSUE_STATUS_NAMES[status] : null];
      });
    });
    if (rows.length) parts.push(csvLines(rows, { crlf: true }));
  }
  return parts.join('');
}
