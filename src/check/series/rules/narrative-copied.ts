import type { Report } from '../../../report/index.ts';
import { bestPeerMatches, isCopied, type SectionMatch, sectionHeading, sectionsAgainst } from '../section-sameness.ts';
import { COPIED_THRESHOLD, MIN_FOLDED } from '../sameness.ts';
import { consecutive, defineSeriesRule } from '../series-rule.ts';

const sourceOf = (report: Report, m: SectionMatch) => report.sections.find((s) => s.id === m.section)?.source;

const percent = (x: number) => `${Math.round(x * 100)}%`;

function excerpt(m: SectionMatch): string {
  const first = (m.passages[0]?.text ?? '').replace(/\s+/g, ' ');
  return first.length > 60 ? `${first.slice(0, 60)}……` : first;
}

/**
 * A section's text is not the same as last year's or another agency's of the same year: a
 * section of at least MIN_FOLDED characters whose sameness score (share of its passages found
 * in the other text, figures masked; see sameness.ts) reaches COPIED_THRESHOLD is reported,
 * with the longest repeated passage.
 */
export const narrativeCopied = defineSeriesRule({
  id: 'narrative-copied',
  severity: 'warning',
  title: `各部分正文不应照搬上年度或其他机关的报告（重复比例达${percent(COPIED_THRESHOLD)}且不少于${MIN_FOLDED}字）`,
  check(report, { previous, peers = [] }) {
    const lastYear = previous && consecutive(previous, report) ? sectionsAgainst(report, previous).filter(isCopied) : [];
    const fromPeers = bestPeerMatches(report, peers).filter(isCopied);
    return [
      ...lastYear.map((m) => ({
        message: `「${sectionHeading(m.section)}」与${m.other.meta.year}年度报告相同：${percent(m.score)}的内容重复（数字不计），如「${excerpt(m)}」`,
        actual: m.score,
        source: sourceOf(report, m),
      })),
      ...fromPeers.map((m) => ({
        message: `「${sectionHeading(m.section)}」与${m.other.meta.agency ?? m.other.meta.source.file}同年度报告相同：${percent(m.score)}的内容重复（数字不计），如「${excerpt(m)}」`,
        actual: m.score,
        source: sourceOf(report, m),
      })),
    ];
  },
});
