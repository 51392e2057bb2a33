// 审阅批次: the batches a reviewer may see (their level's), with counts and reading progress, and
// a new batch.
import { useQuery } from '@tanstack/react-query';
import { Button, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { get } from '../api.ts';
import { IssueCounts, LoadFailure, readPercent } from '../components/review/common.tsx';
import { NewBatchDialog } from '../components/review/NewBatchDialog.tsx';
import type { BatchSummary } from '../components/review/types.ts';
import { formatTime } from '../format.ts';

export default function ReviewBatchesPage() {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const batches = useQuery({
    queryKey: ['review-batches'],
    queryFn: () => get<BatchSummary[]>('/review/batches'),
    // While any batch is being read, the list follows its progress.
    refetchInterval: (q) => (q.state.data?.some((b) => b.reports.pending > 0) ? 3000 : false),
  });
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          审阅批次
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          新建审阅批次
        </Button>
      </Space>
      {batches.error && <LoadFailure error={batches.error} what="审阅批次" back={<Link to="/">回到工作台</Link>} />}
      <Table<BatchSummary>
        aria-label="审阅批次列表"
        size="small"
        rowKey="id"
        loading={batches.isPending}
        dataSource={batches.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: '还没有审阅批次：点击「新建审阅批次」开始' }}
        onRow={(b) => ({ onClick: () => navigate(`/review/batches/${b.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '批次名称',
            dataIndex: 'name',
            ellipsis: true,
            render: (name: string, b) => (
              <Link to={`/review/batches/${b.id}`} onClick={(e) => e.stopPropagation()}>
                {name}
              </Link>
            ),
          },
          { title: '年度', dataIndex: 'year', width: 80, render: (y: number | null) => (y ? `${y}年` : '') },
          { title: '所属机关', dataIndex: 'ownerAgency', width: 160, ellipsis: true, render: (a: string | null) => a ?? '全部' },
          {
            title: '报告',
            key: 'reports',
            width: 170,
            render: (_, b) => (
              <span>
                共{b.reports.total}份，已读{b.reports.read}
                {b.reports.unreadable > 0 && (
                  <Tag color="error" style={{ marginLeft: 4 }}>
                    无法读取 {b.reports.unreadable}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            title: '读取进度',
            key: 'progress',
            width: 150,
            render: (_, b) => <Progress size="small" percent={readPercent(b)} status={b.reports.pending > 0 ? 'active' : 'normal'} />,
          },
          {
            title: '检查结果',
            key: 'findings',
            width: 130,
            render: (_, b) => (
              <span>
                错误 {b.findings.errors}，警告 {b.findings.warnings}
              </span>
            ),
          },
          { title: '问题', key: 'issues', width: 220, render: (_, b) => <IssueCounts counts={b.issues} /> },
          {
            title: '创建',
            key: 'created',
            width: 170,
            render: (_, b) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {b.createdBy} {formatTime(b.createdAt)}
              </Typography.Text>
            ),
          },
        ]}
      />
      <NewBatchDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(b) => {
          setCreating(false);
          navigate(`/review/batches/${b.id}`);
        }}
      />
    </Space>
  );
}
