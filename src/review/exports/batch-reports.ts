import type { Queryable } from '../../db/index.ts';
import type { Finding } from '../../report/index.ts';

/** A read report of a batch as the exports need it: who, when, the counts, the figures in effect, the findings. */
export interface ExportReport {
  id: number;
  fileName: string;
  agency: string | null;
  level: 'government' | 'department' | null;
  year: number | null;
  format: string | null;
  publishedOn: string | null;
  errors: number;
  warnings: number;
  cells: Record<string, number | null>;
  findings: Finding[];
}

const PAGE = 500;

/**
 * The read reports of a batch in order, a page at a time (a batch of ten thousand reports is
 * never held at once). The agency is the register's agency the report was matched to, else the
 * name as read.
 */
export async function* batchReports(db: Queryable, batchId: number): AsyncGenerator<ExportReport[]> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<ExportReport>(
      `select r.id, r.file_name as "fileName", coalesce(t.name, r.agency) as agency, r.agency_level as level, r.year, r.format,
         r.published_on as "publishedOn", r.errors, r.warnings, r.cells, r.findings
       from review_reports r left join agencies t on t.id = r.target_agency_id
       where r.batch_id = $1 and r.status = 'read' and r.id > $2 order by r.id limit ${PAGE}`,
      [batchId, after],
    );
    if (rows.length === 0) return;
    yield rows;
    after = (rows[rows.length - 1] as ExportReport).id;
    if (rows.length < PAGE) return;
  }
}

/** The corrections in effect of some reports: report → key → the latest correction. */
export async function correctionsOf(
  db: Queryable,
  reportIds: readonly number[],
): Promise<Map<number, Map<string, { readValue: number | null; value: number | null; reason: string; by: string }>>> {
  const { rows } = await db.query<{
    report_id: number;
    key: string;
    read_value: number | null;
    value: number | null;
    reason: string;
    corrected_by: string;
  }>(
    `select distinct on (report_id, key) report_id, key, read_value, value, reason, corrected_by
     from review_corrections where report_id = any($1::int[]) order by report_id, key, id desc`,
    [reportIds],
  );
  const out = new Map<number, Map<string, { readValue: number | null; value: number | null; reason: string; by: string }>>();
  for (const r of rows) {
    let byKey = out.get(r.report_id);
    if (!byKey) out.set(r.report_id, (byKey = new Map()));
    byKey.set(r.key, { readValue: r.read_value, value: r.value, reason: r.reason, by: r.corrected_by });
  }
  return out;
}
