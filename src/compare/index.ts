/** Reports compared and summed: an agency's years side by side, a level's agencies aggregated. */
export {
  aggregate,
  type AggregateEntry,
  type AggregateGroup,
  type CellTotal,
  type FlaggedAgency,
  levelOf,
  RANKINGS,
  type RankingId,
  type RankRow,
} from './aggregate.ts';
export { type CellChange, cellChanges } from './cell-changes.ts';
export { compareReports, compareSet, refOf, type ReportRef, type SectionComparison, type YearComparison } from './compare-reports.ts';
export { type DiffPart, diffText, sentences } from './text-diff.ts';
