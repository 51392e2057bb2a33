/** Writers of analysis results: JSON Lines, long CSV, XLSX (streamed). */
export { LONG_HEADER, longRows, openSink, type ResultSink } from './sinks.ts';
