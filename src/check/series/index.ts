/** Checks over several reports: an agency's consecutive years, peers of a year, timeliness, sameness. */
export { type AgencyLevel, agencyKey, agencyLevel, LEVEL_NAMES } from './agency.ts';
export { deadlineText, publicationDeadline } from './deadline.ts';
export { COPIED_THRESHOLD, fingerprint, type Fingerprint, MIN_FOLDED, type Passage, type Sameness, sameness, SHINGLE } from './sameness.ts';
export { bestPeerMatches, isCopied, type SectionMatch, sectionFingerprint, sectionHeading, sectionsAgainst } from './section-sameness.ts';
export { checkSeries, peersOf, previousOf, runSeriesChecks, SERIES_RULES, type SeriesEntry } from './run-series.ts';
export { type SeriesContext, type SeriesRule } from './series-rule.ts';
