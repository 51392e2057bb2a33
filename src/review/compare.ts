import { type AgencyLevel, agencyKey } from '../check/index.ts';
import { compareReports, type YearComparison } from '../compare/index.ts';
import type { Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { Report } from '../report/index.ts';
import { applyCorrections, correctionsInEffect } from './checks.ts';

/** Other agencies' reports of the year a text is compared with, at most. */
const MAX_PEERS = 50;

interface Loaded {
  id: number;
  batchId: number;
  report: Report;
  level: AgencyLevel | null;
  publishedOn: string | null;
}

async function load(db: Queryable, reportId: number): Promise<Loaded> {
  const row = (
    await db.query<{ batch_id: number; status: string; report: Report | null; agency_level: AgencyLevel | null; published_on: string | null }>(
      "select batch_id, status, report, agency_level, to_char(published_on, 'YYYY-MM-DD') as published_on from review_reports where id = $1",
      [reportId],
    )
  ).rows[0];
  if (!row) throw new AppError('not_found', `没有这份报告：${reportId}`);
  if (row.status !== 'read' || !row.report) throw new AppError('conflict', `报告 ${reportId} 尚未读出（或无法读取），不能对比`);
  const report = applyCorrections(row.report, await correctionsInEffect(db, reportId));
  return { id: reportId, batchId: row.batch_id, report, level: row.agency_level, publishedOn: row.published_on };
}

/**
 * Two stored reports compared (corrections applied): the earlier year as the previous one;
 * cells with the largest moves first, section texts diffed, sameness against the previous
 * one and against other agencies' reports of the later one's year in its batch.
 */
export async function compareStored(db: Queryable, a: number, b: number): Promise<YearComparison> {
  if (a === b) throw new AppError('invalid', '请选择两份不同的报告进行对比');
  let [previous, current] = [await load(db, a), await load(db, b)];
  if ((previous.report.meta.year ?? 0) > (current.report.meta.year ?? 0)) [previous, current] = [current, previous];
  const self = agencyKey(current.report.meta.agency);
  const candidates = await db.query<{ id: number; agency: string | null }>(
    "select id, agency from review_reports where batch_id = $1 and status = 'read' and year = $2 and id <> all($3::int[]) order by id",
    [current.batchId, current.report.meta.year, [previous.id, current.id]],
  );
  const peerIds = candidates.rows
    .filter((r) => self === null || agencyKey(r.agency) !== self)
    .slice(0, MAX_PEERS)
    .map((r) => r.id);
  const peers = peerIds.length
    ? (await db.query<{ report: Report }>('select report from review_reports where id = any($1::int[]) order by id', [peerIds])).rows.map(
        (r) => r.report,
      )
    : [];
  return compareReports(previous.report, current.report, peers, {
    ...(current.level ? { level: current.level } : {}),
    ...(current.publishedOn ? { publishedOn: current.publishedOn } : {}),
  });
}
