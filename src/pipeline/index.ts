/** The pipeline as units of work, outside any interface: bytes → report + findings. */
export { analyze, analyzeFile, type Analysis, type AnalysisResult } from './analyze.ts';
export { type Analyzer, ReadWorkers, ReadWorkersClosed, type ReadWorkersOptions } from './workers.ts';
