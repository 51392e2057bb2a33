import type { Writable } from 'node:stream';
import { describeSource, type Finding } from '../report/index.ts';
import { cellLabel, cellSpecs, FORMAT_2019, FORMAT_2021 } from '../format/index.ts';
import { type AggregateEntry, type AggregateGroup, levelOf, RANKINGS } from './aggregate.ts';
import type { YearComparison } from './compare-reports.ts';
import { LEVEL_NAMES } from '../check/index.ts';

type ExcelJS = typeof import('exceljs');
/** A streamed workbook being written. */
export type Writer = InstanceType<ExcelJS['stream']['xlsx']['WorkbookWriter']>;
/** A column of a sheet: its header, the row field it shows, its width in characters. */
export interface Column {
  header: string;
  key: string;
  width: number;
}

/** Severities as the sheets name them. */
export const SEVERITY_NAMES = { error: '错误', warning: '警告', info: '提示' } as const;

/** A sheet with a bold, frozen header row and filters over its columns. */
export function sheet(book: Writer, name: string, columns: Column[]) {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = columns;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** A streamed workbook to a file (by path) or a stream. */
export async function openWorkbook(target: string | Writable): Promise<Writer> {
  // exceljs is large: loaded only when an XLSX is asked for.
  const { default: excel } = await import('exceljs');
  const to = typeof target === 'string' ? { filename: target } : { stream: target };
  return new excel.stream.xlsx.WorkbookWriter({ ...to, useSharedStrings: false, useStyles: true });
}

/**
 * The columns of a sheet of reports, one row each: file, agency, level, year, format, date,
 * counts of errors and warnings, then every 2021 cell headed by the spec's table, row and
 * column (and, when a report uses it, the 2019 edition's own cells).
 */
export function reportColumns(has2019: boolean): Column[] {
  const columns = new Map(cellSpecs(FORMAT_2021).map((s) => [s.key, cellLabel(FORMAT_2021, s.key)]));
  if (has2019) for (const s of cellSpecs(FORMAT_2019)) if (!columns.has(s.key)) columns.set(s.key, `${cellLabel(FORMAT_2019, s.key)}（2019版）`);
  return [
    { header: '文件', key: 'file', width: 40 },
    { header: '机关', key: 'agency', width: 28 },
    { header: '层级', key: 'level', width: 8 },
    { header: '年度', key: 'year', width: 8 },
    { header: '格式', key: 'format', width: 8 },
    { header: '发布日期', key: 'date', width: 12 },
    { header: '错误数', key: 'errors', width: 8 },
    { header: '警告数', key: 'warnings', width: 8 },
    ...[...columns].map(([key, header]) => ({ header, key, width: 14 })),
  ];
}

/** The columns of a sheet of findings, one per row. */
export const FINDING_COLUMNS: Column[] = [
  { header: '文件', key: 'file', width: 40 },
  { header: '机关', key: 'agency', width: 28 },
  { header: '年度', key: 'year', width: 8 },
  { header: '规则', key: 'rule', width: 22 },
  { header: '级别', key: 'severity', width: 8 },
  { header: '说明', key: 'message', width: 80 },
  { header: '单元格', key: 'cells', width: 40 },
  { header: '应为', key: 'expected', width: 12 },
  { header: '实为', key: 'actual', width: 12 },
  { header: '位置', key: 'where', width: 16 },
];

/** A finding as a row of `FINDING_COLUMNS`: its cells by the standard’s labels, its place in words. */
export function findingRow(file: string, agency: string | null, year: number | null, f: Finding) {
  return {
    file,
    agency,
    year,
    rule: f.rule,
    severity: SEVERITY_NAMES[f.severity],
    message: f.message,
    cells: (f.keys ?? []).map((k) => cellLabel(FORMAT_2021, k)).join('；'),
    expected: f.expected,
    actual: f.actual,
    where: describeSource(f.source),
  };
}

/**
 * The aggregation for reviewers to pivot: 报告 (one row per report, a column per cell headed
 * by the spec's Chinese table, row and column, counts of errors and warnings), 汇总 (totals per
 * cell and group), 排名 (rankings), 问题 (findings, one per row, with their cells).
 */
export async function writeAggregateXlsx(path: string, entries: readonly AggregateEntry[], groups: readonly AggregateGroup[]): Promise<void> {
  const book = await openWorkbook(path);
  const reports = sheet(book, '报告', reportColumns(entries.some((e) => e.report.meta.format === '2019')));
  for (const e of entries) {
    const m = e.report.meta;
    const row: Record<string, unknown> = {
      file: m.source.file,
      agency: m.agency,
      level: LEVEL_NAMES[levelOf(e)],
      year: m.year,
      format: m.format,
      date: m.date,
      errors: e.findings.filter((f) => f.severity === 'error').length,
      warnings: e.findings.filter((f) => f.severity === 'warning').length,
    };
    for (const cell of Object.values(e.report.cells)) row[cell.key] = cell.value;
    reports.addRow(row).commit();
  }
  reports.commit();

  const totals = sheet(book, '汇总', [
    { header: '分组', key: 'group', width: 14 },
    { header: '报告数', key: 'count', width: 8 },
    { header: '单元格', key: 'label', width: 50 },
    { header: '键', key: 'key', width: 30 },
    { header: '合计', key: 'sum', width: 12 },
    { header: '有数值的报告', key: 'reports', width: 12 },
    { header: '空白', key: 'blank', width: 8 },
  ]);
  for (const g of groups) for (const t of g.totals) totals.addRow({ group: g.name, count: g.reports, ...t }).commit();
  totals.commit();

  const ranks = sheet(book, '排名', [
    { header: '分组', key: 'group', width: 14 },
    { header: '排名项目', key: 'ranking', width: 30 },
    { header: '名次', key: 'rank', width: 6 },
    { header: '机关', key: 'agency', width: 28 },
    { header: '数值', key: 'value', width: 10 },
    { header: '文件', key: 'file', width: 40 },
  ]);
  for (const g of groups)
    for (const r of RANKINGS) for (const row of g.rankings[r.id]) ranks.addRow({ group: g.name, ranking: r.title, ...row }).commit();
  ranks.commit();

  const findings = sheet(book, '问题', FINDING_COLUMNS);
  for (const e of entries)
    for (const f of e.findings) findings.addRow(findingRow(e.report.meta.source.file, e.report.meta.agency, e.report.meta.year, f)).commit();
  findings.commit();
  await book.commit();
}

const percent = (x: number | undefined) => (x === undefined ? null : Math.round(x * 1000) / 10);

/**
 * Comparisons as a workbook: 单元格变化 (every cell of every pair, largest moves first),
 * 正文雷同 (each section's sameness against last year and the closest peer, with the longest
 * repeated passage), 问题 (the series findings).
 */
export async function writeComparisonXlsx(path: string, comparisons: readonly YearComparison[]): Promise<void> {
  const book = await openWorkbook(path);
  const cells = sheet(book, '单元格变化', [
    { header: '机关', key: 'agency', width: 28 },
    { header: '上年度', key: 'from', width: 8 },
    { header: '本年度', key: 'to', width: 8 },
    { header: '单元格', key: 'label', width: 50 },
    { header: '键', key: 'key', width: 30 },
    { header: '上年数值', key: 'previous', width: 10 },
    { header: '本年数值', key: 'current', width: 10 },
    { header: '变化', key: 'change', width: 10 },
    { header: '变化率', key: 'relative', width: 10 },
  ]);
  for (const c of comparisons)
    for (const ch of c.cells) cells.addRow({ agency: c.agency, from: c.previous.year, to: c.current.year, ...ch }).commit();
  cells.commit();
  const texts = sheet(book, '正文雷同', [
    { header: '机关', key: 'agency', width: 28 },
    { header: '本年度', key: 'year', width: 8 },
    { header: '部分', key: 'heading', width: 30 },
    { header: '与上年相同（%）', key: 'last', width: 14 },
    { header: '与上年重复的段落', key: 'lastPassage', width: 60 },
    { header: '最相近的同年度机关', key: 'peer', width: 28 },
    { header: '与之相同（%）', key: 'peerScore', width: 14 },
    { header: '与之重复的段落', key: 'peerPassage', width: 60 },
    { header: '新增句', key: 'added', width: 8 },
    { header: '删去句', key: 'removed', width: 8 },
    { header: '仅数字变化句', key: 'figures', width: 12 },
  ]);
  for (const c of comparisons) {
    for (const s of c.sections) {
      texts
        .addRow({
          agency: c.agency,
          year: c.current.year,
          heading: s.heading,
          last: percent(s.lastYear?.score),
          lastPassage: s.lastYear?.passages[0]?.text,
          peer: s.peer?.report.agency ?? s.peer?.report.file,
          peerScore: percent(s.peer?.score),
          peerPassage: s.peer?.passages[0]?.text,
          added: s.diff.filter((d) => d.kind === 'added').length,
          removed: s.diff.filter((d) => d.kind === 'removed').length,
          figures: s.diff.filter((d) => d.kind === 'figures').length,
        })
        .commit();
    }
  }
  texts.commit();
  const findings = sheet(book, '问题', FINDING_COLUMNS);
  for (const c of comparisons) for (const f of c.findings) findings.addRow(findingRow(c.current.file, c.agency, c.current.year, f)).commit();
  findings.commit();
  await book.commit();
}
