/** The reviewer console's core (issue 13): batches of published reports read, checked, corrected and compared. */
export { assertReviewer, batchInScope, inScope, reportInScope } from './access.ts';
export { aggregateBatch, cellReports, type StoredCellTotal, type StoredFlagged, type StoredGroup, type StoredRankRow } from './aggregate.ts';
export { createBatch, getBatch, listBatches } from './batches.ts';
export { applyCorrections, correctionsInEffect, flatCells, recheckFollowing, recheckReport, reportInEffect } from './checks.ts';
export { importCollected } from './collected.ts';
export { compareStored } from './compare.ts';
export { addCorrection, type CorrectionInput } from './corrections.ts';
export { cellViews, correctionsOf, findingSource, issuesOf, listReports, type ReportFilter, reportDetail, reportSummaries } from './detail.ts';
export { type CellLabels, cellLabels } from './labels.ts';
export { matchAgency, readStored, ReviewReader, type ReviewReaderOptions, storeReading } from './reader.ts';
export { ReviewRuntime, type ReviewRuntimeOptions } from './runtime.ts';
export { reportSource } from './source.ts';
export { storeFiles } from './store.ts';
export { fingerprints, syncIssues } from './sync-issues.ts';
export * from './types.ts';
export { renderView, sanitize, VIEW_CSP } from './view.ts';
export { cleanName, expandUpload, isArchive, type Skipped, UPLOAD_LIMITS, type UploadEntry, type UploadLimits } from './upload.ts';
