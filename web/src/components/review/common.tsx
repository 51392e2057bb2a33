// Words and small pieces the reviewer pages share: statuses in Chinese, the refusal page.
import { Result, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { ErrorAlert } from '../register/ErrorAlert.tsx';
import { type BatchSummary, ISSUE_STATUS_NAMES, type IssueStatus, type ReportStatus, type ReportSummary, type Severity } from './types.ts';

export const REPORT_STATUS: Record<ReportStatus, { label: string; color: string }> = {
  pending: { label: '待读取', color: 'processing' },
  read: { label: '已读取', color: 'success' },
  unreadable: { label: '无法读取', color: 'error' },
};

export const ISSUE_STATUS_COLORS: Record<IssueStatus, string> = {
  open: 'orange',
  confirmed: 'red',
  dismissed: 'default',
  rectifying: 'purple',
  responded: 'blue',
  archived: 'green',
};

export const SEVERITY_TAGS: Record<Severity, { label: string; color: string }> = {
  error: { label: '错误', color: 'red' },
  warning: { label: '警告', color: 'orange' },
  info: { label: '提示', color: 'blue' },
};

export const LEVEL_NAMES: Record<NonNullable<ReportSummary['agencyLevel']>, string> = { government: '人民政府', department: '部门' };

/** A tag of a workflow status. */
export function IssueStatusTag({ status }: { status: IssueStatus }) {
  return <Tag color={ISSUE_STATUS_COLORS[status]}>{ISSUE_STATUS_NAMES[status]}</Tag>;
}

/** The issue counts of a report or batch, as small tags (statuses with none left out). */
export function IssueCounts({ counts }: { counts: Partial<Record<IssueStatus, number>> }) {
  const shown = (Object.keys(ISSUE_STATUS_NAMES) as IssueStatus[]).filter((s) => (counts[s] ?? 0) > 0);
  if (shown.length === 0) return <span style={{ color: '#999' }}>无</span>;
  return (
    <>
      {shown.map((s) => (
        <Tag key={s} color={ISSUE_STATUS_COLORS[s]} style={{ marginBottom: 2 }}>
          {ISSUE_STATUS_NAMES[s]} {counts[s]}
        </Tag>
      ))}
    </>
  );
}

/** A refusal (403) or a record outside the user's scope (404) as a whole page; other errors as an alert. */
export function LoadFailure({ error, what, back }: { error: unknown; what: string; back?: ReactNode }) {
  const status = error instanceof ApiError ? error.status : 0;
  const extra = back ?? <Link to="/review">回到审阅批次</Link>;
  if (status === 404) return <Result status="404" title={`找不到该${what}`} subTitle={(error as Error).message} extra={extra} />;
  if (status === 403) return <Result status="403" title={`无权查看该${what}`} subTitle={(error as Error).message} extra={extra} />;
  return <ErrorAlert error={error} title={`无法加载${what}`} />;
}

/** A number as shown in a table: blank (null) as 「—」. */
export function shownValue(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value);
}

/** Share of a batch's reports already read (or found unreadable), in percent. */
export function readPercent(b: BatchSummary): number {
  const { total, pending } = b.reports;
  return total === 0 ? 100 : Math.floor(((total - pending) / total) * 100);
}
