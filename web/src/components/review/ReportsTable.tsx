// The reports of a batch: file, agency, level, year, reading status, findings and corrections;
// filtered by status, findings and a search; a row opens the report.
import { Table, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { formatSize } from '../../format.ts';
import { IssueCounts, LEVEL_NAMES, REPORT_STATUS } from './common.tsx';
import type { ReportSummary } from './types.ts';

export function ReportsTable({ reports, loading }: { reports: ReportSummary[]; loading: boolean }) {
  const navigate = useNavigate();
  return (
    <Table<ReportSummary>
      aria-label="报告列表"
      size="small"
      rowKey="id"
      tableLayout="fixed"
      scroll={{ x: 1100 }}
      loading={loading}
      dataSource={reports}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共${n}份` }}
      locale={{ emptyText: '没有符合条件的报告' }}
      onRow={(r) => ({ onClick: () => navigate(`/review/reports/${r.id}`), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: '文件',
          dataIndex: 'fileName',
          ellipsis: true,
          render: (name: string, r) => (
            <>
              <Link to={`/review/reports/${r.id}`} onClick={(e) => e.stopPropagation()} title={name}>
                {name}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                {r.kind ? r.kind.toUpperCase() : ''} {formatSize(r.size)}
              </Typography.Text>
            </>
          ),
        },
        { title: '机关', dataIndex: 'agency', width: 180, ellipsis: true, render: (a: string | null) => a ?? '' },
        { title: '层级', dataIndex: 'agencyLevel', width: 80, render: (l: ReportSummary['agencyLevel']) => (l ? LEVEL_NAMES[l] : '') },
        { title: '年度', dataIndex: 'year', width: 70, render: (y: number | null) => y ?? '' },
        {
          title: '状态',
          dataIndex: 'status',
          width: 110,
          render: (s: ReportSummary['status'], r) => {
            const tag = <Tag color={REPORT_STATUS[s].color}>{REPORT_STATUS[s].label}</Tag>;
            return r.error ? <Tooltip title={r.error.reason}>{tag}</Tooltip> : tag;
          },
        },
        {
          title: '错误',
          dataIndex: 'errors',
          width: 60,
          render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
        },
        {
          title: '警告',
          dataIndex: 'warnings',
          width: 60,
          render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n),
        },
        { title: '问题', dataIndex: 'issueCounts', width: 200, render: (c: ReportSummary['issueCounts']) => <IssueCounts counts={c} /> },
        { title: '更正', dataIndex: 'corrections', width: 60 },
      ]}
      expandable={{
        // An unreadable report says why beneath its row.
        rowExpandable: (r) => r.error !== null,
        expandedRowRender: (r) => <Typography.Text type="danger">无法读取：{r.error?.reason}</Typography.Text>,
        showExpandColumn: false,
        expandedRowKeys: reports.filter((r) => r.error).map((r) => r.id),
      }}
    />
  );
}
