// 审阅批次: upload reports (files or a zip) with progress, follow their reading, and list them
// with their findings; links to the batch's 问题清单 and 汇总分析.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Descriptions, Input, Progress, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { get, qs } from '../api.ts';
import { BatchUpload } from '../components/review/BatchUpload.tsx';
import { IssueCounts, LoadFailure, readPercent, REPORT_STATUS } from '../components/review/common.tsx';
import { ReportsTable } from '../components/review/ReportsTable.tsx';
import type { BatchSummary, ReportStatus, ReportSummary } from '../components/review/types.ts';
import { formatTime } from '../format.ts';

export default function ReviewBatchPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = { status: params.get('status') ?? undefined, hasFindings: params.get('hasFindings') === '1', q: params.get('q') ?? '' };
  const [search, setSearch] = useState(filter.q);
  const change = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const batch = useQuery({
    queryKey: ['review-batch', id],
    queryFn: () => get<BatchSummary>(`/review/batches/${id}`),
    enabled: valid,
    // Reading goes on in the server: poll while reports wait.
    refetchInterval: (q) => ((q.state.data?.reports.pending ?? 0) > 0 ? 1500 : false),
  });
  const pending = batch.data?.reports.pending ?? 0;
  const query = qs({ status: filter.status, q: filter.q, hasFindings: filter.hasFindings ? 1 : undefined });
  const reports = useQuery({
    queryKey: ['review-reports', id, query],
    queryFn: () => get<ReportSummary[]>(`/review/batches/${id}/reports${query}`),
    enabled: valid && batch.isSuccess,
    placeholderData: keepPreviousData,
    refetchInterval: pending > 0 ? 3000 : false,
  });
  // When the last report has been read, the list is fetched once more to show its results.
  const wasPending = useRef(pending);
  useEffect(() => {
    if (wasPending.current > 0 && pending === 0) void client.invalidateQueries({ queryKey: ['review-reports', id] });
    wasPending.current = pending;
  }, [pending, id, client]);

  if (!valid) return <LoadFailure error={new Error('批次编号无效')} what="审阅批次" />;
  if (batch.error) return <LoadFailure error={batch.error} what="审阅批次" />;
  if (!batch.data) return <Spin />;
  const b = batch.data;
  const uploaded = () => {
    void client.invalidateQueries({ queryKey: ['review-batch', id] });
    void client.invalidateQueries({ queryKey: ['review-reports', id] });
    void client.invalidateQueries({ queryKey: ['review-batches'] });
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {b.name}
        </Typography.Title>
        <Space wrap>
          <Button onClick={() => navigate(`/review/batches/${id}/issues`)}>问题清单</Button>
          <Button onClick={() => navigate(`/review/batches/${id}/aggregate`)}>汇总分析</Button>
          <Button onClick={() => navigate('/review')}>返回审阅批次</Button>
        </Space>
      </Space>
      <Card size="small">
        <Descriptions
          size="small"
          column={4}
          items={[
            { key: 'year', label: '年度', children: b.year ? `${b.year}年` : '未指定' },
            { key: 'owner', label: '所属机关', children: b.ownerAgency ?? '全部' },
            { key: 'created', label: '创建', children: `${b.createdBy} ${formatTime(b.createdAt)}` },
            { key: 'findings', label: '检查结果', children: `错误 ${b.findings.errors}，警告 ${b.findings.warnings}` },
            { key: 'issues', label: '问题', span: 4, children: <IssueCounts counts={b.issues} /> },
          ]}
        />
      </Card>
      <Card size="small" title="上传报告">
        <BatchUpload batchId={id} onUploaded={uploaded} />
        {b.reports.total > 0 && (
          <div style={{ marginTop: 12 }} aria-label="读取进度" role="group">
            <Typography.Text>
              {pending > 0
                ? `正在读取：已完成 ${b.reports.total - pending} / ${b.reports.total} 份`
                : `已全部读取：共 ${b.reports.total} 份，已读取 ${b.reports.read} 份${b.reports.unreadable > 0 ? `，无法读取 ${b.reports.unreadable} 份` : ''}`}
            </Typography.Text>
            <Progress percent={readPercent(b)} status={pending > 0 ? 'active' : b.reports.unreadable > 0 ? 'normal' : 'success'} />
          </div>
        )}
      </Card>
      <Card size="small" title="报告">
        <Space wrap size={[12, 8]} role="search" aria-label="筛选报告" style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label="搜索文件名或机关"
            placeholder="文件名、机关"
            allowClear
            style={{ width: 240 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(value) => change({ q: value.trim() || undefined })}
          />
          <Select
            aria-label="读取状态"
            style={{ width: 140 }}
            allowClear
            placeholder="全部状态"
            value={filter.status}
            onChange={(value?: string) => change({ status: value })}
            options={(Object.keys(REPORT_STATUS) as ReportStatus[]).map((s) => ({ value: s, label: REPORT_STATUS[s].label }))}
          />
          <Checkbox checked={filter.hasFindings} onChange={(e) => change({ hasFindings: e.target.checked ? '1' : undefined })}>
            仅有问题的报告
          </Checkbox>
        </Space>
        {reports.error && <LoadFailure error={reports.error} what="报告列表" />}
        <ReportsTable reports={reports.data ?? []} loading={reports.isFetching && !reports.data} />
      </Card>
    </Space>
  );
}
