import { type AgencyLevel, LEVEL_NAMES } from '../check/index.ts';
import { RANKINGS, type RankingId } from '../compare/index.ts';
import type { Queryable } from '../db/index.ts';
import { cellSpecs, FORMATS } from '../format/index.ts';
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

/** A group's totals row as cells (those no report of the group prints left out), in the standard's order. */
function totalsOf(row: Record<string, unknown> | undefined, keys: readonly string[]): StoredCellTotal[] {
  if (!row) return [];
  return keys.flatMap((key, i) => {
    const reports = row[`n${i}`] as number;
    if (reports === 0) return [];
    return [{ key, ...cellLabels(key), total: Math.round(Number(row[`s${i}`]) * 10000) / 10000, reports }];
  });
}

// A report's level when its row has none: a department (as `agencyLevel` infers without a name).
const LEVEL = "coalesce(r.agency_level, 'department')";

// The figures a ranking orders by, from the four cells it reads.
const RANK_VALUE: Record<RankingId, string> = {
  applications: 'v."b.new.total"',
  'review-corrected': 'v."c.review.corrected"',
  'granted-share': 'round((v."b.granted.total" / nullif(v."b.total.total", 0))::numeric, 4)',
};

const quoted = (key: string) => `"${key.replace(/"/g, '""')}"`;

/**
 * Sums and ranks a batch's read reports in SQL over their figures in effect
 * (`review_reports.cells`): one group per year and level (reports of different years are never
 * added up), with the totals of every cell, the rankings of `src/compare` (the first `top` of
 * each) and the reports with findings. Groups in year order, governments first.
 *
 * Each report's figures are parsed once per query (`jsonb_to_record` with a column per cell of
 * the editions present): reading the jsonb once per key would decompress it every time.
 */
export async function aggregateBatch(db: Queryable, batchId: number, top = 100): Promise<StoredGroup[]> {
  const groups = await db.query<{ year: number | null; level: AgencyLevel; reports: number; formats: (string | null)[] }>(
    `select r.year, ${LEVEL} as level, count(*)::int as reports, array_agg(distinct r.format) as formats from review_reports r
      where r.batch_id = $1 and r.status = 'read' group by 1, 2 order by 1 nulls first, (${LEVEL} = 'government') desc`,
    [batchId],
  );
  const editions = FORMATS.filter((f) => groups.rows.some((g) => g.formats.includes(f.id) || (f.id === '2021' && g.formats.includes(null))));
  const keys = [...new Set(editions.flatMap((f) => cellSpecs(f).map((c) => c.key)))];
  const totals = keys.length
    ? await db.query<Record<string, unknown> & { year: number | null; level: AgencyLevel }>(
        `select r.year, ${LEVEL} as level, ${keys.map((k, i) => `sum(x.${quoted(k)}) as s${i}, count(x.${quoted(k)})::int as n${i}`).join(', ')}
           from review_reports r cross join lateral jsonb_to_record(r.cells) as x(${keys.map((k) => `${quoted(k)} float8`).join(', ')})
          where r.batch_id = $1 and r.status = 'read' group by 1, 2`,
        [batchId],
      )
    : { rows: [] };
  const rankings = await db.query<{
    ranking: RankingId;
    year: number | null;
    level: AgencyLevel;
    rank: number;
    id: number;
    agency: string | null;
    file_name: string;
    value: number;
  }>(
    `with v as materialized (
       select r.id, r.year, ${LEVEL} as level, r.agency, r.file_name, x.*
         from review_reports r cross join lateral jsonb_to_record(r.cells) as x("b.new.total" float8, "c.review.corrected" float8, "b.granted.total" float8, "b.total.total" float8)
        where r.batch_id = $1 and r.status = 'read')
     select ranking, year, level, rank::int, id, agency, file_name, value::float8 from (${RANKINGS.map(
       (
         r,
       ) => `select '${r.id}'::text as ranking, v.year, v.level, rank() over (partition by v.year, v.level order by ${RANK_VALUE[r.id]} desc) as rank, row_number() over w as n, v.id, v.agency, v.file_name, ${RANK_VALUE[r.id]} as value
          from v where ${RANK_VALUE[r.id]} is not null
        window w as (partition by v.year, v.level order by ${RANK_VALUE[r.id]} desc, v.agency, v.file_name, v.id)`,
     ).join(' union all ')}) x where n <= $2 order by ranking, year, level, n`,
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
    totals: totalsOf(totals.rows.find(same(g)), keys),
    rankings: Object.fromEntries(
      RANKINGS.map((r) => [
        r.id,
        rankings.rows
          .filter((row) => row.ranking === r.id && same(g)(row))
          .map((row) => ({ rank: row.rank, reportId: row.id, agency: row.agency, file: row.file_name, value: row.value })),
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
