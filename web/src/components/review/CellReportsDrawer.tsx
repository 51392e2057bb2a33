// The reports behind one figure of a batch (GET /api/review/batches/:id/cells/:key): each agency's
// value, whether it was corrected by hand, and a link to the report page with the cell marked.
import { useQuery } from '@tanstack/react-query';
import { Drawer, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { get } from '../../api.ts';
import { ErrorAlert } from '../register/ErrorAlert.tsx';
import type { CellReport } from './analysis-types.ts';

export interface CellPick {
  key: string;
  /** The figure as the page names it: 「表三 一、本年新收… / 总计」. */
  label: string;
}

export function CellReportsDrawer({ batchId, pick, onClose }: { batchId: number; pick: CellPick | undefined; onClose: () => void }) {
  const reports = useQuery({
    queryKey: ['review-cell', batchId, pick?.key],
    enabled: pick !== undefined,
    queryFn: () => get<CellReport[]>(`/review/batches/${batchId}/cells/${encodeURIComponent(pick!.key)}`),
  });
  const rows = reports.data ?? [];
  const sum = rows.reduce((s, r) => s + (r.value ?? 0), 0);
  return (
    <Drawer open={pick !== undefined} onClose={onClose} size="large" title={pick ? `数据来源：${pick.label}` : ''} destroyOnHidden>
      {pick && (
        <Typography.Paragraph type="secondary">
          单元格 <Typography.Text code>{pick.key}</Typography.Text>
          {reports.data && `，${rows.length}份报告，合计${Number(sum.toFixed(4))}`}
        </Typography.Paragraph>
      )}
      <ErrorAlert error={reports.error} title="无法载入数据来源" />
      <Table<CellReport>
        aria-label="数据来源报告"
        size="small"
        rowKey="reportId"
        loading={reports.isPending && pick !== undefined}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: '没有报告填报该单元格' }}
        columns={[
          { title: '机关', dataIndex: 'agency', render: (v: string | null) => v ?? '（未识别机关）' },
          { title: '年度', dataIndex: 'year', width: 70, render: (v: number | null) => v ?? '—' },
          {
            title: '数值',
            dataIndex: 'value',
            width: 90,
            align: 'right',
            sorter: (a, b) => (a.value ?? -1) - (b.value ?? -1),
            render: (v: number | null) => v ?? '空',
          },
          { title: '更正', dataIndex: 'corrected', width: 80, render: (v: boolean) => (v ? <Tag color="purple">已更正</Tag> : null) },
          {
            title: '报告',
            key: 'open',
            width: 90,
            render: (_, r) => (
              <Link
                to={`/review/reports/${r.reportId}?keys=${encodeURIComponent(pick?.key ?? '')}`}
                aria-label={`查看${r.agency ?? ''}${r.year ?? ''}年报告`}
              >
                查看原文
              </Link>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
