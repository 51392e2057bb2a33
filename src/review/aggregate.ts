import { type AgencyLevel, LEVEL_NAMES } from '../check/index.ts';
import { RANKINGS, type RankingId } from '../compare/index.ts';
import type { Queryable } from '../db/index.ts';
import { FORMATS } from '../format/index.ts';
import { type CellLabels, cellLabels } from './labels.ts';

/** The sum of one cell over a group of stored reports. */
export interface StoredCellTotal extends CellLabels {
  key: string;
  total: number;
  /** Reports printing a number in the cell. */
  reports: number;
}

/** A report's place in a ranking. */
export interface StoredRankRow {
  rank: number;
  reportId: number;
  agency: string | null;
  file: string;
  value: number;
}

/** A report with errors or warnings. */
export interface StoredFlagged {
  reportId: number;
  agency: string | null;
  file: string;
  errors: number;
  warnings: number;
  rules: string[];
}

/** One year and level of a batch, summed and ranked (figures in effect: corrections applied). */
export interface StoredGroup {
  year: number | null;
  level: AgencyLevel;
  /** 「2024年·部门」. */
  name: string;
  reports: number;
  totals: StoredCellTotal[];
  rankings: Record<RankingId, StoredRankRow[]>;
  flagged: StoredFlagged[];
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

// The standard's order of keys: the 2021 edition's, then the 2019 edition's own.
const ORDER = new Map<string, number>();
for (const f of FORMATS)
  for (const t of f.tables)
    for (const b of t.blocks)
      for (const r of b.rows)
        for (const c of b.columns) if (!ORDER.has(`${t.id}.${r.key}.${c.key}`)) ORDER.set(`${t.id}.${r.key}.${c.key}`, ORDER.size);

// A report's level when its row has none: a department (as `agencyLevel` infers without a name).
const LEVEL = "coalesce(r.agency_level, 'department')";

const RANK_VALUE: Record<RankingId, string> = {
  applications: "(r.cells->>'b.new.total')::numeric",
  'review-corrected': "(r.cells->>'c.review.corrected')::numeric",
  'granted-share': "round((r.cells->>'b.granted.total')::numeric / nullif((r.cells->>'b.total.total')::numeric, 0), 4)",
};

/**
 * Sums a batch's read reports in SQL over their figures in effect (`review_reports.cells`):
 * one group per year and level (reports of different years are never added up), with the
 * totals of every cell, the rankings of `src/compare` (the first `top` of each) and the
 * reports with findings. Groups in year order, governments first.
 */
export async function aggregateBatch(db: Queryable, batchId: number, top = 100): Promise<StoredGroup[]> {
  const groups = await db.query<{ year: number | null; level: AgencyLevel; reports: number }>(
    `select r.year, ${LEVEL} as level, count(*)::int as reports from review_reports r
      where r.batch_id = $1 and r.status = 'read' group by 1, 2 order by 1 nulls first, (${LEVEL} = 'government') desc`,
    [batchId],
  );
  const totals = await db.query<{ year: number | null; level: AgencyLevel; key: string; total: string; reports: number }>(
    `select r.year, ${LEVEL} as level, e.key, sum((e.value #>> '{}')::numeric)::text as total, count(*)::int as reports
       from review_reports r cross join lateral jsonb_each(r.cells) e
      where r.batch_id = $1 and r.status = 'read' and jsonb_typeof(e.value) = 'number'
      group by 1, 2, 3`,
    [batchId],
  );
  const rankings = await db.query<{
    ranking: RankingId;
    year: number | null;
    level: AgencyLevel;
    rank: number;
    id: number;
    agency: string | null;
    file_name: string;
    value: string;
  }>(
    RANKINGS.map(
      (r) => `select * from (
        select '${r.id}' as ranking, r.year, ${LEVEL} as level, (rank() over w)::int as rank, row_number() over w as n, r.id, r.agency, r.file_name, ${RANK_VALUE[r.id]}::text as value
          from review_reports r where r.batch_id = $1 and r.status = 'read' and ${RANK_VALUE[r.id]} is not null
        window w as (partition by r.year, ${LEVEL} order by ${RANK_VALUE[r.id]} desc)) x where n <= $2`,
    ).join(' union all ') + ' order by ranking, rank, agency, file_name, id',
    [batchId, top],
  );
  const flagged = await db.query<{
    year: number | null;
    level: AgencyLevel;
    id: number;
    agency: string | null;
    file_name: string;
    errors: number;
    warnings: number;
    rules: string[];
  }>(
    `select * from (
       select r.year, ${LEVEL} as level, r.id, r.agency, r.file_name, r.errors, r.warnings,
              array(select distinct f->>'rule' from jsonb_array_elements(r.findings) f where f->>'severity' <> 'info' order by 1) as rules,
              row_number() over (partition by r.year, ${LEVEL} order by r.errors desc, r.warnings desc, r.file_name, r.id) as n
         from review_reports r where r.batch_id = $1 and r.status = 'read' and r.errors + r.warnings > 0) x
      where n <= $2 order by errors desc, warnings desc, file_name, id`,
    [batchId, top],
  );
  const same = (g: { year: number | null; level: AgencyLevel }) => (row: { year: number | null; level: AgencyLevel }) =>
    row.year === g.year && row.level === g.level;
  return groups.rows.map((g) => ({
    year: g.year,
    level: g.level,
    name: `${g.year === null ? '年度不明' : `${g.year}年`}·${LEVEL_NAMES[g.level]}`,
    reports: g.reports,
    totals: totals.rows
      .filter(same(g))
      .map((t) => ({ key: t.key, ...cellLabels(t.key), total: Math.round(Number(t.total) * 10000) / 10000, reports: t.reports }))
      .sort((a, b) => (ORDER.get(a.key) ?? 1e9) - (ORDER.get(b.key) ?? 1e9) || a.key.localeCompare(b.key)),
    rankings: Object.fromEntries(
      RANKINGS.map((r) => [
        r.id,
        rankings.rows
          .filter((row) => row.ranking === r.id && same(g)(row))
          .map((row) => ({ rank: row.rank, reportId: row.id, agency: row.agency, file: row.file_name, value: num(row.value) as number })),
      ]),
    ) as Record<RankingId, StoredRankRow[]>,
    flagged: flagged.rows
      .filter(same(g))
      .map((f) => ({ reportId: f.id, agency: f.agency, file: f.file_name, errors: f.errors, warnings: f.warnings, rules: f.rules })),
  }));
}

/** The reports behind a figure: every read report of the batch with the cell, its value in effect and whether it was corrected. */
export async function cellReports(
  db: Queryable,
  batchId: number,
  key: string,
): Promise<{ reportId: number; agency: string | null; year: number | null; value: number | null; corrected: boolean }[]> {
  const rows = await db.query<{ id: number; agency: string | null; year: number | null; value: string | null; corrected: boolean }>(
    `select r.id, r.agency, r.year, r.cells->>$2 as value,
            exists (select 1 from review_corrections c where c.report_id = r.id and c.key = $2) as corrected
       from review_reports r where r.batch_id = $1 and r.status = 'read' and r.cells ? $2
      order by r.year, r.agency, r.id`,
    [batchId, key],
  );
  return rows.rows.map((r) => ({ reportId: r.id, agency: r.agency, year: r.year, value: num(r.value), corrected: r.corrected }));
}
