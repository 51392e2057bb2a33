// A table of the year's report, each figure with last year's beside it and the change marked.
import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { FormatTable, ReportData } from './format.tsx';
import { StandardTable } from './StandardTable.tsx';

function shown(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value);
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

interface Props {
  table: FormatTable;
  report: ReportData;
  lastYear: ReportData | null;
  highlighted: ReadonlySet<string>;
}

/** The table with this year's figures; under each, last year's and the change when a last year exists. */
export function ComparedTable({ table, report, lastYear, highlighted }: Props) {
  const changed = (key: string) => lastYear !== null && (report.cells[key] ?? null) !== (lastYear.cells[key] ?? null);
  const cellStyle = (key: string): CSSProperties | undefined => (changed(key) ? { background: '#fffbe6' } : undefined);
  const cell = (key: string) => {
    const now = report.cells[key];
    if (!lastYear) return <span data-testid={key}>{shown(now)}</span>;
    const before = lastYear.cells[key];
    const delta = typeof now === 'number' && typeof before === 'number' ? round(now - before) : undefined;
    return (
      <>
        <span data-testid={key} style={{ fontWeight: changed(key) ? 600 : undefined }}>
          {shown(now)}
        </span>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 11, whiteSpace: 'nowrap' }}>
          上年{shown(before)}
          {delta !== undefined && delta !== 0 && (
            <span style={{ color: delta > 0 ? '#cf1322' : '#389e0d' }}> {delta > 0 ? `▲${delta}` : `▼${-delta}`}</span>
          )}
        </Typography.Text>
      </>
    );
  };
  return <StandardTable table={table} cell={cell} cellStyle={cellStyle} highlighted={highlighted} />;
}
