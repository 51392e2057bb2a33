import { PassThrough } from 'node:stream';
import { LEVEL_NAMES } from '../../check/index.ts';
import { type Column, openWorkbook, reportColumns, SEVERITY_NAMES, sheet, type Writer } from '../../compare/xlsx.ts';
import type { Queryable } from '../../db/index.ts';
import { cellLabel, FORMAT_2021 } from '../../format/index.ts';
import { listIssues } from '../issues.ts';
import { ISSUE_STATUS_NAMES } from '../types.ts';
import { batchReports, correctionsOf } from './batch-reports.ts';

/** Writes a workbook into memory: the bytes once `fill` has committed it. */
async function workbookBytes(fill: (book: Writer) => Promise<void>): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => out.on('end', resolve).on('error', reject));
  await fill(await openWorkbook(out));
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

const show = (v: number | null) => (v === null ? '空白' : String(v));

/**
 * 报告 of a batch for reviewers to pivot: one row per read report — file, agency, level, year,
 * format, published date, counts of errors and warnings, then every cell of the 2021 format
 * headed by the spec's table, row and column. Figures are those in effect: a corrected cell
 * carries a note with the value as read, and 已更正单元格 lists them.
 */
export function reportsXlsx(db: Queryable, batchId: number): Promise<Uint8Array> {
  return workbookBytes(async (book) => {
    // 2019-format reports' own cells have no column: the console reads reports of 2021 on.
    const columns: Column[] = [...reportColumns(false), { header: '已更正单元格', key: 'corrected', width: 40 }];
    const ws = sheet(book, '报告', columns);
    for await (const page of batchReports(db, batchId)) {
      const corrections = await correctionsOf(
        db,
        page.map((r) => r.id),
      );
      for (const r of page) {
        const changed = [...(corrections.get(r.id) ?? [])].filter(([, c]) => c.value !== c.readValue);
        const row = ws.addRow({
          file: r.fileName,
          agency: r.agency,
          level: r.level ? LEVEL_NAMES[r.level] : null,
          year: r.year,
          format: r.format,
          date: r.publishedOn,
          errors: r.errors,
          warnings: r.warnings,
          ...r.cells,
          corrected: changed.map(([key]) => cellLabel(FORMAT_2021, key)).join('；') || null,
        });
        for (const [key, c] of changed) {
          const index = columns.findIndex((col) => col.key === key);
          if (index >= 0) row.getCell(index + 1).note = `已更正：原读取值 ${show(c.readValue)}，更正为 ${show(c.value)}（${c.by}：${c.reason}）`;
        }
        row.commit();
      }
    }
    ws.commit();
    await book.commit();
  });
}

const ISSUE_COLUMNS: Column[] = [
  { header: '机关', key: 'agency', width: 28 },
  { header: '年度', key: 'year', width: 8 },
  { header: '文件', key: 'fileName', width: 36 },
  { header: '问题类型', key: 'ruleTitle', width: 40 },
  { header: '规则', key: 'rule', width: 22 },
  { header: '级别', key: 'severity', width: 8 },
  { header: '问题', key: 'message', width: 70 },
  { header: '涉及单元格', key: 'cells', width: 50 },
  { header: '单元格键', key: 'keys', width: 40 },
  { header: '状态', key: 'status', width: 10 },
  { header: '检查仍发现', key: 'present', width: 10 },
  { header: '整改机关', key: 'assignedAgency', width: 28 },
  { header: '整改期限', key: 'dueOn', width: 12 },
  { header: '审核说明', key: 'note', width: 40 },
  { header: '整改情况', key: 'response', width: 50 },
  { header: '反馈人', key: 'respondedBy', width: 12 },
  { header: '反馈时间', key: 'respondedAt', width: 20 },
  { header: '更新人', key: 'updatedBy', width: 12 },
  { header: '更新时间', key: 'updatedAt', width: 20 },
];

/** 问题 of a batch: every issue (those the checks no longer find too), one per row, with its workflow. */
export function issuesXlsx(db: Queryable, batchId: number): Promise<Uint8Array> {
  return workbookBytes(async (book) => {
    const ws = sheet(book, '问题', ISSUE_COLUMNS);
    for (const i of await listIssues(db, batchId, { all: true, source: false })) {
      ws.addRow({
        ...i,
        severity: SEVERITY_NAMES[i.severity],
        cells: i.cellLabels.join('；'),
        keys: i.keys.join(' '),
        status: ISSUE_STATUS_NAMES[i.status],
        present: i.present ? '是' : '否',
      }).commit();
    }
    ws.commit();
    await book.commit();
  });
}
