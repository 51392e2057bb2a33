// 采集队列: the collection queue's progress (jobs by queue and state), its dead letters with the
// reason, and the results stored by reader version, refreshed every few seconds; collected
// results are added to a review batch from here. Without a PostgreSQL server there is no queue,
// and the page says why.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, InputNumber, Progress, Result, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, get } from '../api.ts';
import { ErrorAlert, errorText } from '../components/register/ErrorAlert.tsx';
import type { QueueCounts, QueueView } from '../components/review/analysis-types.ts';
import type { BatchSummary } from '../components/review/types.ts';
import { formatTime } from '../format.ts';

const QUEUE_NAMES: Record<string, string> = {
  'gongkai-collect': '采集网站',
  'gongkai-analyze': '读取与检查',
  'gongkai-dead': '失败任务（死信）',
};

const STATES: { key: keyof QueueCounts; name: string }[] = [
  { key: 'created', name: '等待' },
  { key: 'retry', name: '等待重试' },
  { key: 'active', name: '进行中' },
  { key: 'completed', name: '已完成' },
  { key: 'failed', name: '失败' },
  { key: 'cancelled', name: '已取消' },
];

const REFRESH_MS = 3000;

interface QueueRow extends QueueCounts {
  name: string;
}

function ImportCollected() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const batches = useQuery({ queryKey: ['review-batches'], queryFn: () => get<BatchSummary[]>('/review/batches') });
  const [batchId, setBatchId] = useState<number>();
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!batchId) return;
    setBusy(true);
    try {
      const result = await api<{ added: unknown[]; already?: number }>('POST', `/review/batches/${batchId}/import-collected`, year ? { year } : {});
      message.success(`已加入${result.added.length}份报告${result.already ? `，${result.already}份已在本批次中` : ''}，正在读取`);
      await client.invalidateQueries({ queryKey: ['review-batches'] });
      await client.invalidateQueries({ queryKey: ['review-batch', batchId] });
    } catch (error) {
      message.error(`加入失败：${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Select<number>
        aria-label="加入的审阅批次"
        placeholder="选择审阅批次"
        style={{ width: 280 }}
        loading={batches.isPending}
        value={batchId}
        onChange={setBatchId}
        showSearch={{ optionFilterProp: 'label' }}
        options={(batches.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
      />
      <InputNumber<number>
        aria-label="报告年度"
        placeholder="年度（可选）"
        min={2008}
        max={2100}
        value={year}
        onChange={setYear}
        style={{ width: 140 }}
      />
      <Button type="primary" disabled={!batchId} loading={busy} onClick={submit}>
        将采集结果加入批次
      </Button>
      {batchId && <Link to={`/review/batches/${batchId}`}>打开批次</Link>}
    </Space>
  );
}

export default function ReviewQueuePage() {
  const queue = useQuery({
    queryKey: ['review-queue'],
    queryFn: () => get<QueueView>('/review/queue'),
    refetchInterval: (query) => (query.state.data && 'enabled' in query.state.data && query.state.data.enabled === false ? false : REFRESH_MS),
  });
  const data = queue.data;
  const header = (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        采集队列
      </Typography.Title>
      {data && !('enabled' in data && data.enabled === false) && (
        <Typography.Text type="secondary">
          每{REFRESH_MS / 1000}秒自动刷新{queue.dataUpdatedAt ? `，更新于${formatTime(new Date(queue.dataUpdatedAt).toISOString())}` : ''}
        </Typography.Text>
      )}
    </Flex>
  );
  if (queue.isPending)
    return (
      <Flex vertical gap={12}>
        {header}
        <Spin />
      </Flex>
    );
  if (!data)
    return (
      <Flex vertical gap={12}>
        {header}
        <ErrorAlert error={queue.error} title="无法载入采集队列" />
      </Flex>
    );
  if ('enabled' in data && data.enabled === false)
    return (
      <Flex vertical gap={12}>
        {header}
        <Result status="info" title="采集队列未启用" subTitle={data.reason} />
        <Card size="small" title="加入审阅批次">
          <ImportCollected />
        </Card>
      </Flex>
    );
  const status = data as Exclude<QueueView, { enabled: false }>;
  const rows: QueueRow[] = Object.entries(status.queues).map(([name, counts]) => ({ name, ...counts }));
  const work = rows.filter((r) => r.name !== 'gongkai-dead');
  const sum = (key: keyof QueueCounts) => work.reduce((s, r) => s + (r[key] ?? 0), 0);
  const total = STATES.reduce((s, st) => s + sum(st.key), 0);
  const done = sum('completed') + sum('failed') + sum('cancelled');
  const stored = status.results.reduce((s, r) => s + r.ok + r.unreadable, 0);
  return (
    <Flex vertical gap={12}>
      {header}
      {queue.error && <Alert type="warning" showIcon title="刷新失败，显示的是上次的数据" description={errorText(queue.error)} />}
      <Row gutter={12}>
        {(
          [
            ['等待', sum('created') + sum('retry')],
            ['进行中', sum('active')],
            ['已完成', sum('completed')],
            ['失败', sum('failed')],
            ['死信', status.dead.length],
            ['已存结果', stored],
          ] as const
        ).map(([title, value]) => (
          <Col span={4} key={title}>
            <Card size="small">
              <Statistic title={`${title}（个）`} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title="进度">
        <Progress percent={total ? Math.round((done / total) * 100) : 0} aria-label="队列进度" format={() => `${done} / ${total}`} />
      </Card>
      <Card size="small" title="各队列任务">
        <Table<QueueRow>
          aria-label="各队列任务数"
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '队列', dataIndex: 'name', render: (n: string) => QUEUE_NAMES[n] ?? n },
            ...STATES.map((st) => ({ title: st.name, dataIndex: st.key, width: 90, align: 'right' as const })),
          ]}
        />
      </Card>
      <Card size="small" title={`死信（${status.dead.length}个，最近的在前）`}>
        <Table
          aria-label="死信"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={status.dead}
          locale={{ emptyText: '没有失败的任务' }}
          columns={[
            { title: '时间', dataIndex: 'failedAt', width: 150, render: (t: string) => formatTime(t) },
            {
              title: '任务',
              dataIndex: 'data',
              ellipsis: true,
              render: (d: unknown) => {
                const o = (d ?? {}) as { url?: string; sha256?: string; site?: string };
                return <Typography.Text ellipsis>{o.url ?? o.site ?? o.sha256 ?? JSON.stringify(d)}</Typography.Text>;
              },
            },
            { title: '原因', dataIndex: 'reason' },
          ]}
        />
      </Card>
      <Card size="small" title="已存结果（按读取程序版本）">
        <Table
          aria-label="已存结果"
          size="small"
          rowKey="readerVersion"
          pagination={false}
          dataSource={status.results}
          locale={{ emptyText: '还没有结果' }}
          columns={[
            { title: '读取程序版本', dataIndex: 'readerVersion' },
            { title: '可读报告', dataIndex: 'ok', width: 110, align: 'right' },
            { title: '无法读取', dataIndex: 'unreadable', width: 110, align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title="加入审阅批次">
        <ImportCollected />
      </Card>
    </Flex>
  );
}
