/** Writers of analysis results: JSON Lines, long CSV, XLSX (streamed). */
export { LONG_HEADER, longCsvText, longRows, openSink, type ResultSink } from './sinks.ts';
export { CSV_BOM, csvLines, inertField } from './csv.ts';
