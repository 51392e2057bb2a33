import {
  agencyKey,
  bestPeerMatches,
  peersOf,
  previousOf,
  runSeriesChecks,
  type Sameness,
  sectionHeading,
  sectionsAgainst,
  type SeriesContext,
} from '../check/index.ts';
import type { Finding, Report, Section } from '../report/index.ts';
import { type CellChange, cellChanges } from './cell-changes.ts';
import { type DiffPart, diffText } from './text-diff.ts';

/** Which report: agency, year, file. */
export interface ReportRef {
  agency: string | null;
  year: number | null;
  file: string;
}

/** One section of this year against last year's and against the closest peer's. */
export interface SectionComparison {
  id: Section['id'];
  heading: string;
  diff: DiffPart[];
  /** Sameness against last year's same section (absent when either has no text). */
  lastYear?: Sameness;
  /** The other agency of the same year whose same section this one repeats most. */
  peer?: Sameness & { report: ReportRef };
}

/** An agency's year against the year before. */
export interface YearComparison {
  agency: string | null;
  previous: ReportRef;
  current: ReportRef;
  /** Every cell, the largest moves first. */
  cells: CellChange[];
  sections: SectionComparison[];
  /** The series rules' findings on this year (carry-over, in force, timeliness, copying). */
  findings: Finding[];
}

/** A report as a reference. */
export const refOf = (r: Report): ReportRef => ({ agency: r.meta.agency, year: r.meta.year, file: r.meta.source.file });

/**
 * Compares a report with the same agency's report of the year before: cells, texts, sameness
 * against last year and against `peers` (other agencies of the same year), series findings
 * (with the level and publication date of `context` when the caller knows them).
 */
export function compareReports(
  previous: Report,
  current: Report,
  peers: readonly Report[] = [],
  context: Pick<SeriesContext, 'level' | 'publishedOn'> = {},
): YearComparison {
  // A peer is another agency: the report itself, or another copy of its agency's, is not.
  const self = agencyKey(current.meta.agency);
  peers = peers.filter((p) => p !== current && (self === null || agencyKey(p.meta.agency) !== self));
  const lastYear = new Map(sectionsAgainst(current, previous).map((m) => [m.section, m]));
  const fromPeers = new Map(bestPeerMatches(current, peers).map((m) => [m.section, m]));
  const sections = current.sections
    .filter((s) => s.text.trim() !== '' || previous.sections.some((p) => p.id === s.id && p.text.trim() !== ''))
    .map((s): SectionComparison => {
      const before = previous.sections.find((p) => p.id === s.id)?.text ?? '';
      const last = lastYear.get(s.id);
      const peer = fromPeers.get(s.id);
      return {
        id: s.id,
        heading: sectionHeading(s.id),
        diff: diffText(before, s.text),
        ...(last ? { lastYear: { score: last.score, judged: last.judged, passages: last.passages } } : {}),
        ...(peer ? { peer: { score: peer.score, judged: peer.judged, passages: peer.passages, report: refOf(peer.other) } } : {}),
      };
    });
  return {
    agency: current.meta.agency,
    previous: refOf(previous),
    current: refOf(current),
    cells: cellChanges(previous, current),
    sections,
    findings: runSeriesChecks(current, { ...context, previous, peers }),
  };
}

/**
 * Every agency's consecutive years in a set of reports, compared (agency identity as in
 * `previousOf`; peers as in `peersOf`; each report's level and date from `contextOf`), in the
 * order the later years were given.
 */
export function compareSet(
  reports: readonly Report[],
  contextOf: (report: Report) => Pick<SeriesContext, 'level' | 'publishedOn'> = () => ({}),
): YearComparison[] {
  const previous = previousOf(reports);
  const peers = peersOf(reports);
  return reports.flatMap((r, i) => {
    const before = previous[i];
    return before ? [compareReports(before, r, peers[i], contextOf(r))] : [];
  });
}
