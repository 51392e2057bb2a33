import { createHash } from 'node:crypto';
import type { Database } from '../db/index.ts';
import { analyze } from '../pipeline/index.ts';
import { renderHtml } from '../render/index.ts';
import type { Finding } from '../report/index.ts';
import { fingerprints, syncIssues } from '../review/sync-issues.ts';
import { randomReport } from './random-report.ts';

/**
 * Test fixtures of the findings workflow, written straight into migration 7's tables (so the
 * workflow's tests need no upload nor background reading): generated reports
 * rendered as HTML and read back by the pipeline (cells with their places in the source),
 * optionally doctored, checked, and stored with their issues as the console's reader stores them.
 */

export interface FixtureReport {
  agency: string;
  year: number;
  /** The register's agency the report is matched to. */
  targetAgencyId?: number | null;
  fileName?: string;
  /** Cells changed before rendering, to make findings: key → value. */
  doctor?: Record<string, number>;
  seed?: number;
  publishedOn?: string;
}

export interface StoredFixture {
  reportId: number;
  findings: Finding[];
  issueIds: number[];
}

/** A batch owned by an agency, created by a user. */
export async function insertBatch(
  db: Database,
  ownerAgencyId: number | null,
  name = '2025年度部门年报审查',
  year: number | null = 2025,
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    "insert into review_batches (owner_agency_id, name, year, created_by) values ($1, $2, $3, 'fixture') returning id",
    [ownerAgencyId, name, year],
  );
  return (rows[0] as { id: number }).id;
}

/** A report read from a rendered document, stored in a batch with its findings as open issues. */
export async function insertReport(db: Database, batchId: number, input: FixtureReport): Promise<StoredFixture> {
  const generated = randomReport(input.seed ?? 7, { format: '2021' });
  generated.meta.agency = input.agency;
  generated.meta.year = input.year;
  generated.meta.title = `${input.agency}${input.year}年政府信息公开工作年度报告`;
  for (const [key, value] of Object.entries(input.doctor ?? {})) {
    const cell = generated.cells[key];
    if (!cell) throw new Error(`fixture: no cell ${key}`);
    cell.value = value;
    cell.raw = String(value);
  }
  const bytes = new TextEncoder().encode(renderHtml(generated));
  const fileName = input.fileName ?? `${input.agency}${input.year}年报.html`;
  const { report, findings = [] } = await analyze(bytes, fileName);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const cells = Object.fromEntries(Object.values(report.cells).map((c) => [c.key, c.value]));
  return db.transaction('fixture', async (tx) => {
    await tx.query('insert into crawl_blobs (sha256, size, content) values ($1, $2, $3) on conflict do nothing', [sha256, bytes.length, bytes]);
    const { rows } = await tx.query<{ id: number }>(
      `insert into review_reports (batch_id, file_name, sha256, size, kind, status, agency, agency_level, year, format, published_on,
         target_agency_id, report, cells, findings, errors, warnings, created_by, read_at)
       values ($1, $2, $3, $4, 'html', 'read', $5, 'department', $6, '2021', $7, $8, $9, $10, $11, $12, $13, 'fixture', now()) returning id`,
      [
        batchId,
        fileName,
        sha256,
        bytes.length,
        // The agency as the console has it (the name given), whatever the narrative of the generated text says.
        input.agency,
        report.meta.year,
        input.publishedOn ?? report.meta.date,
        input.targetAgencyId ?? null,
        JSON.stringify(report),
        JSON.stringify(cells),
        JSON.stringify(findings),
        findings.filter((f) => f.severity === 'error').length,
        findings.filter((f) => f.severity === 'warning').length,
      ],
    );
    const reportId = (rows[0] as { id: number }).id;
    // The issues as the console's reader makes them.
    await syncIssues(tx, reportId, findings);
    const prints = fingerprints(findings);
    const ids = await tx.query<{ id: number; fingerprint: string }>('select id, fingerprint from review_issues where report_id = $1', [reportId]);
    const issueIds = prints.map((p) => ids.rows.find((r) => r.fingerprint === p)?.id as number);
    return { reportId, findings, issueIds };
  });
}
