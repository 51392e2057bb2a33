import { SECTIONS } from '../../format/index.ts';
import type { Report, Section } from '../../report/index.ts';
import { COPIED_THRESHOLD, type Fingerprint, fingerprint, type Sameness, sameness } from './sameness.ts';

const cache = new WeakMap<Section, Fingerprint>();

/** A section's fingerprint, computed once per section object. */
export function sectionFingerprint(section: Section): Fingerprint {
  let print = cache.get(section);
  if (!print) {
    print = fingerprint(section.text);
    cache.set(section, print);
  }
  return print;
}

/** The standard heading of a section: 「五、存在的主要问题及改进情况」. */
export function sectionHeading(id: Section['id']): string {
  return SECTIONS.find((s) => s.id === id)?.heading ?? `第${id}部分`;
}

/** A section of a report measured against the same section of another report. */
export interface SectionMatch extends Sameness {
  section: Section['id'];
  /** The other report. */
  other: Report;
}

/** Each section of `report` (with text) against the same section of `other`. */
export function sectionsAgainst(report: Report, other: Report): SectionMatch[] {
  return report.sections.flatMap((section) => {
    const theirs = other.sections.find((s) => s.id === section.id);
    if (!theirs || section.text.trim() === '') return [];
    return [{ section: section.id, other, ...sameness(sectionFingerprint(section), sectionFingerprint(theirs)) }];
  });
}

/** Per section, the peer whose same section `report`'s repeats most (ties: the first given). */
export function bestPeerMatches(report: Report, peers: readonly Report[]): SectionMatch[] {
  const best = new Map<Section['id'], SectionMatch>();
  for (const peer of peers) {
    for (const match of sectionsAgainst(report, peer)) {
      const held = best.get(match.section);
      if (!held || match.score > held.score) best.set(match.section, match);
    }
  }
  return [...best.values()].sort((a, b) => a.section - b.section);
}

/** True when a match is long enough to judge and at or above the copying threshold. */
export const isCopied = (m: Sameness) => m.judged && m.score >= COPIED_THRESHOLD;
