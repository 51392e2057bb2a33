import { type AgencyLevel, agencyLevel, LEVEL_NAMES } from '../check/index.ts';
import { cellLabel, cellSpec, FORMAT_2019, FORMAT_2021, type FormatSpec } from '../format/index.ts';
import type { Finding, Report } from '../report/index.ts';

/** A report in an aggregation, with its findings and (when known better than its name) its level. */
export interface AggregateEntry {
  report: Report;
  findings: readonly Finding[];
  level?: AgencyLevel;
}

/** The sum of one cell over a group. */
export interface CellTotal {
  key: string;
  label: string;
  sum: number;
  /** Reports printing a number in the cell. */
  reports: number;
  /** Reports where the cell is blank (「/」「—」「无」 or empty). */
  blank: number;
}

/** One agency's place in a ranking. */
export interface RankRow {
  rank: number;
  agency: string | null;
  file: string;
  value: number;
}

/** The rankings a group is ordered by. */
export const RANKINGS = [
  { id: 'applications', title: '本年新收政府信息公开申请数量', unit: '件' },
  { id: 'granted-share', title: '予以公开占办理结果总数的比例', unit: '' },
  { id: 'review-corrected', title: '行政复议结果纠正数', unit: '件' },
] as const;
export type RankingId = (typeof RANKINGS)[number]['id'];

/** An agency with errors or warnings. */
export interface FlaggedAgency {
  agency: string | null;
  file: string;
  errors: number;
  warnings: number;
  rules: string[];
}

/** A group of reports (one year, and one level with `by: 'level'`) summed and ranked. */
export interface AggregateGroup {
  /** 「2024年」 or 「2024年·部门」. */
  name: string;
  year: number | null;
  level?: AgencyLevel;
  reports: number;
  totals: CellTotal[];
  rankings: Record<RankingId, RankRow[]>;
  flagged: FlaggedAgency[];
}

const value = (r: Report, key: string) => r.cells[key]?.value ?? null;

function rankingValue(id: RankingId, r: Report): number | null {
  if (id === 'applications') return value(r, 'b.new.total');
  if (id === 'review-corrected') return value(r, 'c.review.corrected');
  const granted = value(r, 'b.granted.total');
  const total = value(r, 'b.total.total');
  return granted === null || total === null || total === 0 ? null : Math.round((granted / total) * 10000) / 10000;
}

// One collator: localeCompare(…, 'zh') builds one per call, and ties are many.
const collator = new Intl.Collator('zh');

/** Highest first; equal values share a rank (1, 1, 3); ties listed by agency name, then file. */
function rank(id: RankingId, entries: readonly AggregateEntry[]): RankRow[] {
  const rows = entries.flatMap((e) => {
    const v = rankingValue(id, e.report);
    return v === null ? [] : [{ rank: 0, agency: e.report.meta.agency, file: e.report.meta.source.file, value: v }];
  });
  rows.sort((a, b) => b.value - a.value || collator.compare(a.agency ?? '', b.agency ?? '') || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  rows.forEach((row, i) => (row.rank = i > 0 && rows[i - 1]!.value === row.value ? rows[i - 1]!.rank : i + 1));
  return rows;
}

const FORMATS: readonly FormatSpec[] = [FORMAT_2021, FORMAT_2019];

function totals(entries: readonly AggregateEntry[]): CellTotal[] {
  const byKey = new Map<string, CellTotal>();
  for (const { report } of entries) {
    for (const cell of Object.values(report.cells)) {
      let total = byKey.get(cell.key);
      if (!total) {
        const format = FORMATS.find((f) => cellSpec(f, cell.key)) ?? FORMAT_2021;
        total = { key: cell.key, label: cellLabel(format, cell.key), sum: 0, reports: 0, blank: 0 };
        byKey.set(cell.key, total);
      }
      if (cell.value === null) total.blank++;
      else {
        total.sum += cell.value;
        total.reports++;
      }
    }
  }
  // The standard's order: 2021 keys, then the 2019 edition's own.
  const order = new Map<string, number>();
  for (const f of FORMATS)
    for (const t of f.tables)
      for (const b of t.blocks)
        for (const r of b.rows)
          for (const c of b.columns) {
            const key = `${t.id}.${r.key}.${c.key}`;
            if (!order.has(key)) order.set(key, order.size);
          }
  return [...byKey.values()]
    .map((t) => ({ ...t, sum: Math.round(t.sum * 10000) / 10000 }))
    .sort((a, b) => (order.get(a.key) ?? 1e9) - (order.get(b.key) ?? 1e9) || a.key.localeCompare(b.key));
}

function flagged(entries: readonly AggregateEntry[]): FlaggedAgency[] {
  return entries
    .map((e) => ({
      agency: e.report.meta.agency,
      file: e.report.meta.source.file,
      errors: e.findings.filter((f) => f.severity === 'error').length,
      warnings: e.findings.filter((f) => f.severity === 'warning').length,
      rules: [...new Set(e.findings.filter((f) => f.severity !== 'info').map((f) => f.rule))],
    }))
    .filter((f) => f.errors + f.warnings > 0)
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.file.localeCompare(b.file));
}

/** The level of an entry: as given, else inferred from its agency's name. */
export const levelOf = (e: AggregateEntry): AgencyLevel => e.level ?? agencyLevel(e.report.meta.agency);

/**
 * Sums and ranks a set of reports: one group per year (reports of different years are never
 * added up), and with `by: 'level'` one per year and level (people's governments, departments).
 * Groups in year order, governments first.
 */
export function aggregate(entries: readonly AggregateEntry[], options: { by?: 'level' } = {}): AggregateGroup[] {
  const groups = new Map<string, { year: number | null; level?: AgencyLevel; entries: AggregateEntry[] }>();
  for (const e of entries) {
    const year = e.report.meta.year;
    const level = options.by === 'level' ? levelOf(e) : undefined;
    const id = `${year ?? ''}|${level ?? ''}`;
    let group = groups.get(id);
    if (!group) {
      group = { year, ...(level ? { level } : {}), entries: [] };
      groups.set(id, group);
    }
    group.entries.push(e);
  }
  return [...groups.values()]
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.level === 'government' ? -1 : 1) - (b.level === 'government' ? -1 : 1))
    .map((g) => ({
      name: `${g.year === null ? '年度不明' : `${g.year}年`}${g.level ? `·${LEVEL_NAMES[g.level]}` : ''}`,
      year: g.year,
      ...(g.level ? { level: g.level } : {}),
      reports: g.entries.length,
      totals: totals(g.entries),
      rankings: Object.fromEntries(RANKINGS.map((r) => [r.id, rank(r.id, g.entries)])) as Record<RankingId, RankRow[]>,
      flagged: flagged(g.entries),
    }));
}
