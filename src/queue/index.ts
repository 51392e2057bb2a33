// The job queue on PostgreSQL (pg-boss): collect sites, read and check documents, store the
// results once; any number of worker processes on any number of machines share one database.
export { type AnalyzeJob, type AnalyzeOutcome, analyzeKey, runAnalyzeJob } from './analyze-job.ts';
export { openBoss, QUEUES, type QueueTimings } from './boss.ts';
export { type CollectJob, enqueueAnalyze, enqueueCollect, enqueueReprocess } from './enqueue.ts';
export { READER_VERSION } from './reader-version.ts';
export { type QueueStatus, queueStatus, type StateCounts } from './status.ts';
export { startWorker, type WorkerOptions } from './worker.ts';
