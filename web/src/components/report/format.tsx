// The standard's layout as the server gives it (GET /api/format), and the report shapes the
// report pages read. No page keeps a list of rows or columns of its own.
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';

export type TableId = 'a' | 'b' | 'c';

/** One cell of a laid-out table: a header label, or a value cell named by its key. */
export interface LayoutCell {
  text?: string;
  colSpan?: number;
  rowSpan?: number;
  header?: boolean;
  key?: string;
}

export interface FormatTable {
  id: TableId;
  /** The section heading the table stands under, e.g. 「三、收到和处理政府信息公开申请情况」. */
  title: string;
  /** 「表三（依申请公开）」. */
  name: string;
  layout: { columns: number; widths: number[]; head: LayoutCell[][]; body: LayoutCell[][] };
  cells: { key: string; label: string; kind: 'count' | 'amount' | 'change' }[];
}

export interface FormatInfo {
  id: string;
  name: string;
  sections: { number: number; heading: string }[];
  tables: FormatTable[];
}

/** The format's layout, fetched once. */
export function useFormat() {
  return useQuery({ queryKey: ['format'], queryFn: () => get<FormatInfo>('/format'), staleTime: Infinity });
}

export type Severity = 'error' | 'warning' | 'info';

/** A finding of the checks, as the server sends it. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  keys?: string[];
  expected?: number | string | null;
  actual?: number | string | null;
}

/** The report computed from the register (reportJson with findings). */
export interface ReportData {
  agency: string | null;
  year: number | null;
  cells: Record<string, number | null>;
  sections: { id: number; heading: string; text: string }[];
  findings?: Finding[];
}

export const SEVERITY: Record<Severity, { label: string; color: string }> = {
  error: { label: '错误', color: 'red' },
  warning: { label: '警告', color: 'orange' },
  info: { label: '提示', color: 'blue' },
};
