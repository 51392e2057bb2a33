// A level's rankings as the charts draw them: the standard's figure each ranks by (its key when
// it is one cell, so a bar can open the reports behind it) and its unit.
import type { AggregateGroup, RankingEntry, RankingId } from './analysis-types.ts';

export interface Ranking {
  id: RankingId;
  title: string;
  unit: string;
  key?: string;
  entries: RankingEntry[];
}

/** The rankings in the order shown: titles as src/compare names them. */
const RANKINGS: { id: RankingId; title: string; unit: string; key?: string }[] = [
  { id: 'applications', title: '本年新收政府信息公开申请数量', unit: '件', key: 'b.new.total' },
  { id: 'granted-share', title: '予以公开占办理结果总数的比例', unit: '%' },
  { id: 'review-corrected', title: '行政复议结果纠正数', unit: '件', key: 'c.review.corrected' },
];

/** A ranked figure as shown: a share as a percentage. */
export function rankValue(ranking: Pick<Ranking, 'unit'>, value: number): number {
  return ranking.unit === '%' ? Math.round(value * 1000) / 10 : value;
}

/** The group's rankings that hold any report. */
export function rankingsOf(group: AggregateGroup): Ranking[] {
  return RANKINGS.map((r) => ({ ...r, entries: group.rankings[r.id] ?? [] }));
}
