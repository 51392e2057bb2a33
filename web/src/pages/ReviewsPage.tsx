// 复议与诉讼: the reconsiderations and lawsuits filed in the year (table 四's source), recorded
// and closed with their result, and table 四 as the register computes it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, get, qs } from '../api.ts';
import { AddReviewDialog, CloseReviewDialog } from '../components/admin/ReviewDialogs.tsx';
import { useVocabulary } from '../components/admin/vocabulary.tsx';
import { type ReportData, useFormat } from '../components/report/format.tsx';
import { StandardTable } from '../components/report/StandardTable.tsx';
import { useMe } from '../session.tsx';
import { useWorkspace } from '../workspace.tsx';

interface ReviewItem {
  id: number;
  agencyId: number;
  applicationId: number | null;
  kind: string;
  kindName: string;
  filedOn: string;
  result: string | null;
  resultName: string;
  closedOn: string | null;
  note: string;
}

export default function ReviewsPage() {
  const me = useMe();
  const readOnly = me.user.role === 'reviewer';
  const { agencyId, agencies, year } = useWorkspace();
  const client = useQueryClient();
  const { message } = App.useApp();
  const vocabulary = useVocabulary();
  const format = useFormat();
  const [departments, setDepartments] = useState(false);
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState<ReviewItem>();
  const q = qs({ agency: agencyId, year, departments: departments ? 1 : undefined });
  const reviews = useQuery({
    queryKey: ['reviews', q],
    enabled: agencyId !== undefined,
    queryFn: () => get<{ items: ReviewItem[] }>(`/reviews${q}`),
  });
  const report = useQuery({
    queryKey: ['report', agencyId, year, departments],
    enabled: agencyId !== undefined,
    queryFn: () => get<ReportData>(`/agencies/${agencyId}/report/${year}${qs({ departments: departments ? 1 : undefined })}`),
  });
  const tableC = format.data?.tables.find((t) => t.id === 'c');
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['reviews'] });
    await client.invalidateQueries({ queryKey: ['report', agencyId, year] });
    await client.invalidateQueries({ queryKey: ['report-workspace', agencyId, year] });
  };

  if (agencyId === undefined) return <Alert type="info" showIcon title="请先在页首选择机关" />;
  const name = (id: number) => agencies.find((a) => a.id === id)?.name ?? `机关 ${id}`;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          行政复议与行政诉讼（{year}年）
        </Typography.Title>
        <Flex gap={12} align="center">
          <Flex align="center" gap={6}>
            <Switch id="gk-reviews-departments" size="small" checked={departments} onChange={setDepartments} />
            <label htmlFor="gk-reviews-departments">含下属部门</label>
          </Flex>
          <Button type="primary" onClick={() => setAdding(true)} hidden={readOnly}>
            登记复议或诉讼
          </Button>
        </Flex>
      </Flex>
      {reviews.error && <Alert type="error" showIcon title="无法载入" description={reviews.error.message} />}
      <Table<ReviewItem>
        size="small"
        rowKey="id"
        loading={reviews.isPending}
        dataSource={reviews.data?.items}
        pagination={false}
        locale={{ emptyText: `${year}年没有收到行政复议申请或行政起诉` }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 70 },
          { title: '类型', dataIndex: 'kindName', width: 140 },
          ...(departments ? [{ title: '机关', dataIndex: 'agencyId', render: name }] : []),
          { title: '收到日期', dataIndex: 'filedOn', width: 110 },
          { title: '所涉申请', dataIndex: 'applicationId', width: 90, render: (v: number | null) => v ?? '—' },
          { title: '备注', dataIndex: 'note', ellipsis: true },
          {
            title: '结果',
            key: 'result',
            width: 120,
            render: (_, r) => (r.result ? <Tag color="green">{r.resultName}</Tag> : <Tag color="orange">{r.resultName}</Tag>),
          },
          { title: '审结日期', dataIndex: 'closedOn', width: 110, render: (v: string | null) => v ?? '—' },
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_, r) =>
              r.result || readOnly ? null : (
                <Button size="small" onClick={() => setClosing(r)} aria-label={`审结第${r.id}号`}>
                  审结
                </Button>
              ),
          },
        ]}
      />
      <Typography.Title level={4} style={{ fontSize: 16, margin: '8px 0 0' }}>
        {tableC?.title ?? ''}
      </Typography.Title>
      <Typography.Text type="secondary">年度报告表四由本年收到的复议和诉讼计算：未审结的计入「尚未审结」。</Typography.Text>
      {report.error && <Alert type="error" showIcon title="无法计算表四" description={report.error.message} />}
      {tableC && report.data && <StandardTable table={tableC} cell={(k) => <span data-testid={k}>{report.data.cells[k] ?? '—'}</span>} />}
      <AddReviewDialog
        open={adding}
        kinds={vocabulary.data?.reviewKinds}
        onClose={() => setAdding(false)}
        onSubmit={async (input) => {
          await api('POST', '/reviews', { agencyId, ...input });
          message.success('已登记');
          setAdding(false);
          await refresh();
        }}
      />
      <CloseReviewDialog
        open={closing !== undefined}
        title={closing ? `审结第${closing.id}号${closing.kindName}` : ''}
        results={vocabulary.data?.reviewResults}
        onClose={() => setClosing(undefined)}
        onSubmit={async (input) => {
          await api('POST', `/reviews/${closing?.id}/close`, input);
          message.success('已审结');
          setClosing(undefined);
          await refresh();
        }}
      />
    </Flex>
  );
}
