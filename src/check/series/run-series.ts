import { dirname } from 'node:path';
import type { Finding, Report } from '../../report/index.ts';
import { type AgencyLevel, agencyKey } from './agency.ts';
import { crossYearCarried } from './rules/cross-year-carried.ts';
import { crossYearInForce } from './rules/cross-year-in-force.ts';
import { narrativeCopied } from './rules/narrative-copied.ts';
import { publishedLate } from './rules/published-late.ts';
import { sectionFingerprint } from './section-sameness.ts';
import type { SeriesContext, SeriesRule } from './series-rule.ts';

/** Every rule over a report and its context, in the order findings are listed. */
export const SERIES_RULES: readonly SeriesRule[] = [crossYearCarried, crossYearInForce, publishedLate, narrativeCopied];

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Runs the series rules on a report in its context (the database calls this with stored reports). */
export function runSeriesChecks(report: Report, context: SeriesContext, rules: readonly SeriesRule[] = SERIES_RULES): Finding[] {
  return rules.flatMap((r) => r.check(report, context)).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** A report in a set, with what its reader knows better than the document. */
export interface SeriesEntry {
  report: Report;
  level?: AgencyLevel;
  publishedOn?: string;
}

/** Up to this many reports of a year, every other one is a peer a text is compared with. */
const ALL_PEERS = 50;
/** Beyond it, the peers sharing most rare passages with the report, at most this many. */
const PEER_CANDIDATES = 3;
/** A passage (shingle) found in more reports of the year than this is common wording. */
const COMMON = 64;

const folder = (r: Report) => dirname(r.meta.source.file);

/**
 * Pairs each report with its agency's report of the year before. An agency is known by its
 * normalised name (`agencyKey`); when a name has more than one report in a year (the same
 * bureau name in two counties, or one report in two files), a report is paired only with one
 * of the previous year from the same folder (its source), and only when that one is unique.
 */
export function previousOf(reports: readonly Report[]): (Report | undefined)[] {
  const byKey = new Map<string, Report[]>();
  for (const r of reports) {
    const key = agencyKey(r.meta.agency);
    if (key === null || r.meta.year === null) continue;
    const id = `${key}\u0000${r.meta.year}`;
    const list = byKey.get(id);
    if (list) list.push(r);
    else byKey.set(id, [r]);
  }
  return reports.map((r) => {
    const key = agencyKey(r.meta.agency);
    if (key === null || r.meta.year === null) return undefined;
    const candidates = byKey.get(`${key}\u0000${r.meta.year - 1}`) ?? [];
    if (candidates.length === 1) return candidates[0];
    const local = candidates.filter((c) => folder(c) === folder(r));
    return local.length === 1 ? local[0] : undefined;
  });
}

/**
 * For each report, the other agencies' reports of the same year its texts are compared with:
 * all of them in small sets; in large ones, those sharing most passages that are rare in the
 * year (an inverted index of section shingles), so that a set of thousands stays linear.
 */
export function peersOf(reports: readonly Report[]): Report[][] {
  const byYear = new Map<number, number[]>();
  reports.forEach((r, i) => {
    if (r.meta.year === null) return;
    const list = byYear.get(r.meta.year);
    if (list) list.push(i);
    else byYear.set(r.meta.year, [i]);
  });
  const out: Report[][] = reports.map(() => []);
  const keys = reports.map((r) => agencyKey(r.meta.agency));
  for (const members of byYear.values()) {
    const other = (i: number, j: number) => i !== j && (keys[i] === null || keys[i] !== keys[j]);
    if (members.length <= ALL_PEERS) {
      for (const i of members) out[i] = members.filter((j) => other(i, j)).map((j) => reports[j] as Report);
      continue;
    }
    const postings = new Map<number, number[]>();
    // A shingle of a section: its hash and the section's id in one number (below 2^35).
    const shingles = (i: number) => (reports[i] as Report).sections.flatMap((s) => [...sectionFingerprint(s).set].map((h) => h * 8 + s.id));
    for (const i of members) {
      for (const s of shingles(i)) {
        const list = postings.get(s);
        if (list) list.push(i);
        else postings.set(s, [i]);
      }
    }
    for (const i of members) {
      const counts = new Map<number, number>();
      for (const s of shingles(i)) {
        const list = postings.get(s) as number[];
        if (list.length > COMMON) continue;
        for (const j of list) if (other(i, j)) counts.set(j, (counts.get(j) ?? 0) + 1);
      }
      out[i] = [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, PEER_CANDIDATES)
        .map(([j]) => reports[j] as Report);
    }
  }
  return out;
}

/**
 * The series rules over a set of reports: each with its agency's previous year, its peers of
 * the same year, and its level and publication date when given. Findings by index of entry.
 */
export function checkSeries(entries: readonly SeriesEntry[]): Finding[][] {
  const reports = entries.map((e) => e.report);
  const previous = previousOf(reports);
  const peers = peersOf(reports);
  return entries.map((e, i) =>
    runSeriesChecks(e.report, {
      ...(previous[i] ? { previous: previous[i] } : {}),
      peers: peers[i] as Report[],
      ...(e.level ? { level: e.level } : {}),
      ...(e.publishedOn ? { publishedOn: e.publishedOn } : {}),
    }),
  );
}
