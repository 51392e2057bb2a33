import { createWriteStream, type WriteStream } from 'node:fs';
import { extname } from 'node:path';
import { AppError } from '../errors.ts';
import { CSV_BOM, csvLines } from './csv.ts';
import { cellSpecs, FORMAT_2019, FORMAT_2021 } from '../format/index.ts';
import type { AnalysisResult } from '../pipeline/index.ts';
import { describeSource, type Finding, formatOf, missingItems, type Report, reportJson } from '../report/index.ts';

/** A destination for analysis results, chosen by the file's extension. */
export interface ResultSink {
  add(result: AnalysisResult): Promise<void>;
  /** Findings over several reports (an agency's years, peers), added once all are read. */
  addFindings?(file: string, findings: readonly Finding[]): Promise<void>;
  close(): Promise<void>;
}

function write(stream: WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) {
      resolve();
      return;
    }
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    stream.once('drain', onDrain).once('error', onError);
  });
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** JSON Lines: one object per file (reports as `extract --json` prints them, errors as `{file, error}`). */
function jsonLines(path: string): ResultSink {
  const stream = createWriteStream(path);
  return {
    add: (r) => write(stream, `${JSON.stringify('error' in r ? { file: r.file, error: r.error.reason } : reportJson(r.report, r.findings))}\n`),
    addFindings: (file, findings) => write(stream, `${JSON.stringify({ file, series: true, findings })}\n`),
    close: () => closeStream(stream),
  };
}

export const LONG_HEADER = ['file', 'key', 'value', 'raw'];

/** The long rows of a report: `file,key,value,raw`, one per cell found, in the standard's order. */
export function longRows(file: string, report: Report): (string | number | null)[][] {
  return cellSpecs(formatOf(report))
    .map((s) => report.cells[s.key])
    .filter((c) => c !== undefined)
    .map((c) => [file, c.key, c.value, c.raw]);
}

/** Long CSV text of a report's cells: text fields made inert for spreadsheets, values as numbers. */
export function longCsvText(file: string, report: Report): string {
  const rows = longRows(file, report);
  return rows.length ? csvLines(rows) : '';
}

/** Long CSV: `file,key,value,raw`, one row per cell found; starts with a BOM so Excel and WPS read the Chinese right. */
function longCsv(path: string): ResultSink {
  const stream = createWriteStream(path);
  let header = false;
  return {
    async add(r) {
      if (!header) {
        header = true;
        await write(stream, CSV_BOM + csvLines([LONG_HEADER]));
      }
      if ('error' in r) return;
      const text = longCsvText(r.file, r.report);
      if (text) await write(stream, text);
    },
    close: () => closeStream(stream),
  };
}

/** XLSX: a sheet with one row per report and one column per cell key, and a sheet of findings. */
async function workbook(path: string): Promise<ResultSink> {
  // exceljs is large: loaded only when an XLSX is asked for.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const keys = [...new Set([...cellSpecs(FORMAT_2021), ...cellSpecs(FORMAT_2019)].map((s) => s.key))];
  const reports = book.addWorksheet('报告');
  reports.columns = [
    { header: '文件', key: 'file', width: 40 },
    { header: '机关', key: 'agency', width: 30 },
    { header: '年度', key: 'year', width: 8 },
    { header: '格式', key: 'format', width: 8 },
    { header: '缺失', key: 'missing', width: 30 },
    { header: '错误', key: 'error', width: 40 },
    ...keys.map((k) => ({ header: k, key: k, width: 12 })),
  ];
  reports.getRow(1).font = { bold: true };
  const findings = book.addWorksheet('问题');
  findings.columns = [
    { header: '文件', key: 'file', width: 40 },
    { header: '规则', key: 'rule', width: 24 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '说明', key: 'message', width: 80 },
    { header: '单元格', key: 'keys', width: 40 },
    { header: '应为', key: 'expected', width: 10 },
    { header: '实为', key: 'actual', width: 10 },
    { header: '位置', key: 'where', width: 16 },
  ];
  findings.getRow(1).font = { bold: true };
  const findingRow = (file: string, f: Finding) => ({
    file,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    keys: (f.keys ?? []).join(' '),
    expected: f.expected,
    actual: f.actual,
    where: describeSource(f.source),
  });
  return {
    async addFindings(file, list) {
      for (const f of list) findings.addRow(findingRow(file, f)).commit();
    },
    async add(r) {
      if ('error' in r) {
        reports.addRow({ file: r.file, error: r.error.reason }).commit();
        return;
      }
      const m = r.report.meta;
      const row: Record<string, unknown> = {
        file: r.file,
        agency: m.agency,
        year: m.year,
        format: m.format,
        missing: missingItems(r.report).join(' '),
      };
      for (const [key, cell] of Object.entries(r.report.cells)) row[key] = cell.value;
      reports.addRow(row).commit();
      for (const f of r.findings ?? []) findings.addRow(findingRow(r.file, f)).commit();
    },
    async close() {
      reports.commit();
      findings.commit();
      await book.commit();
    },
  };
}

/** The sink for an output path: .jsonl/.json, .csv or .xlsx. AppError `invalid` on another extension. */
export async function openSink(path: string): Promise<ResultSink> {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.json' || ext === '.ndjson') return jsonLines(path);
  if (ext === '.csv') return longCsv(path);
  if (ext === '.xlsx') return workbook(path);
  throw new AppError('invalid', `不支持的输出格式「${ext || path}」：请用 .jsonl、.csv 或 .xlsx`);
}
