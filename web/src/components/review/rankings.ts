// A level's rankings as the charts draw them: each a title, the figure's key when it is one
// cell, and the agencies best first, whatever list shape the server sends.
import type { AggregateGroup, RankingEntry } from './analysis-types.ts';

export interface Ranking {
  id: string;
  title: string;
  key?: string;
  entries: RankingEntry[];
}

/** The rankings the standard's figures give, by the server's names. */
const TITLES: Record<string, { title: string; key?: string }> = {
  received: { title: '收到申请数排名', key: 'b.new.total' },
  applications: { title: '收到申请数排名', key: 'b.new.total' },
  newApplications: { title: '收到申请数排名', key: 'b.new.total' },
  grantedShare: { title: '予以公开占比排名（%）' },
  granted: { title: '予以公开数排名', key: 'b.granted.total' },
  reviewCorrected: { title: '复议纠错数排名', key: 'c.review.corrected' },
  reconsiderationsCorrected: { title: '复议纠错数排名', key: 'c.review.corrected' },
  corrected: { title: '复议纠错数排名', key: 'c.review.corrected' },
};

function entriesOf(value: unknown): RankingEntry[] {
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object'
      ? ((value as { entries?: unknown[]; items?: unknown[]; top?: unknown[] }).entries ??
        (value as { items?: unknown[] }).items ??
        (value as { top?: unknown[] }).top ??
        [])
      : [];
  return (list as Record<string, unknown>[]).map((e) => ({
    reportId: typeof e.reportId === 'number' ? e.reportId : undefined,
    agency: String(e.agency ?? e.name ?? '（未识别机关）'),
    year: typeof e.year === 'number' ? e.year : null,
    value: Number(e.value ?? e.share ?? e.total ?? 0),
  }));
}

/** The group's rankings, in the server's order. */
export function rankingsOf(group: AggregateGroup): Ranking[] {
  return Object.entries(group.rankings ?? {}).map(([id, value]) => {
    const known = TITLES[id];
    const meta = value && !Array.isArray(value) && typeof value === 'object' ? (value as { title?: string; key?: string }) : {};
    return { id, title: meta.title ?? known?.title ?? id, key: meta.key ?? known?.key, entries: entriesOf(value) };
  });
}
