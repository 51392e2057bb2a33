/** The report tree: metadata, sections, cells with provenance, findings. */

export { buildReport, type ReportInput } from './build.ts';
export { describeSource } from './describe-source.ts';
export { type InputProblem, type ReportInput as ReportJsonInput, reportFromJson, reportInputSchema, reportJson } from './json.ts';
export { cellOf, cellValue, cellValues, formatOf, missingItems, sectionOf } from './report.ts';
export type {
  AgencySource,
  Cell,
  Finding,
  Report,
  ReportMeta,
  Section,
  Severity,
  SourceKind,
  SourceLocation,
  TableInfo,
  TableStatus,
} from './types.ts';
