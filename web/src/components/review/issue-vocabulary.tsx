// How the console names and colours a finding's status and severity, and a cell key's labels.
import { Tag } from 'antd';
import { useMemo } from 'react';
import { SEVERITY } from '../report/format.tsx';
import { useFormat } from '../report/format.tsx';
import { ISSUE_STATUS_NAMES, type IssueStatus, type Severity } from './types.ts';

export const ISSUE_STATUS_COLORS: Record<IssueStatus, string> = {
  open: 'blue',
  confirmed: 'volcano',
  dismissed: 'default',
  rectifying: 'orange',
  responded: 'cyan',
  archived: 'green',
};

export const ISSUE_STATUSES = Object.keys(ISSUE_STATUS_NAMES) as IssueStatus[];

export function StatusTag({ status }: { status: IssueStatus }) {
  return <Tag color={ISSUE_STATUS_COLORS[status]}>{ISSUE_STATUS_NAMES[status]}</Tag>;
}

export function SeverityTag({ severity }: { severity: Severity }) {
  const s = SEVERITY[severity] ?? { label: severity, color: 'default' };
  return <Tag color={s.color}>{s.label}</Tag>;
}

/** A function naming a cell key by the standard's labels (「表三（依申请公开）一、本年新收…·总计」), the key itself until the format loads. */
export function useCellLabel(): (key: string) => string {
  const format = useFormat();
  return useMemo(() => {
    const labels = new Map<string, string>();
    for (const table of format.data?.tables ?? []) for (const cell of table.cells) labels.set(cell.key, cell.label);
    return (key: string) => labels.get(key) ?? key;
  }, [format.data]);
}
