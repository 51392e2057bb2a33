// 操作记录: the case's audit trail (who changed what, when).
import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { get } from '../../api.ts';
import { ErrorAlert } from '../register/ErrorAlert.tsx';
import type { AuditItem } from './types.ts';

export function CaseAudit({ applicationId }: { applicationId: number }) {
  const audit = useQuery({
    queryKey: ['audit', 'application', applicationId],
    queryFn: () => get<{ items: AuditItem[] }>(`/applications/${applicationId}/audit`),
  });
  return (
    <>
      <ErrorAlert error={audit.error} title="无法加载操作记录" />
      <Table<AuditItem>
        aria-label="操作记录"
        size="small"
        rowKey="id"
        loading={audit.isPending}
        dataSource={audit.data?.items ?? []}
        pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (t: string) => t.replace('T', ' ').slice(0, 19) },
          { title: '操作人', dataIndex: 'actor', width: 110 },
          { title: '操作', dataIndex: 'what', width: 150 },
          {
            title: '内容',
            dataIndex: 'changes',
            render: (changes: string[]) => (
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {changes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}
