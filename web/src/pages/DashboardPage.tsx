// 工作台: what is due and overdue (each deadline explained), this year's counts, cases by month and by outcome.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Space, Spin, Statistic, Switch, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../components/register/ErrorAlert.tsx';
import { DueTable } from '../components/register/DueTable.tsx';
import { EChart } from '../components/register/EChart.tsx';
import { type Dashboard, loadDashboard } from '../components/register/dashboard-data.ts';
import { useVocabulary } from '../components/register/vocabulary.ts';
import { formatDayWithWeekday } from '../format.ts';
import { useWorkspace } from '../workspace.tsx';

function MonthChart({ data }: { data: Dashboard }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['收到', '办结'], top: 0 },
      grid: { left: 36, right: 12, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: data.counts.byMonth.map((m) => `${m.month}月`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '收到', type: 'bar', data: data.counts.byMonth.map((m) => m.received), itemStyle: { color: '#b71c1c' } },
        { name: '办结', type: 'bar', data: data.counts.byMonth.map((m) => m.closed), itemStyle: { color: '#8c8c8c' } },
      ],
    }),
    [data],
  );
  const summary = data.counts.byMonth.map((m) => `${m.month}月收到${m.received}件、办结${m.closed}件`).join('；');
  return <EChart option={option} label={`${data.year}年各月收到和办结的申请：${summary}`} />;
}

interface OutcomeRow {
  key: string;
  label: string;
  count: number;
  children?: OutcomeRow[];
}

/** The year's answers by table 三's groups (（一）…（六）), each group opening onto its rows. */
function OutcomeBreakdown({ data }: { data: Dashboard }) {
  const outcomes = useVocabulary().data?.outcomes ?? [];
  const groups = useMemo(() => {
    const out: OutcomeRow[] = [];
    for (const o of data.counts.byOutcome.filter((x) => x.count > 0)) {
      const name = outcomes.find((v) => v.key === o.outcome)?.group ?? o.label;
      let group = out.find((g) => g.key === name);
      if (!group) out.push((group = { key: name, label: name, count: 0, children: [] }));
      group.count += o.count;
      if (o.label !== name) group.children!.push({ key: o.outcome, label: o.label, count: o.count });
    }
    for (const g of out) if (g.children?.length === 0) delete g.children;
    return out;
  }, [data, outcomes]);
  const total = groups.reduce((sum, o) => sum + o.count, 0);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}件（{d}%）' },
      color: ['#b71c1c', '#e57373', '#5c6bc0', '#26a69a', '#ffa726', '#8d6e63'],
      series: [
        {
          type: 'pie',
          radius: ['38%', '68%'],
          label: { show: false },
          data: groups.map((o) => ({ name: o.label.replace(/^（.）/, ''), value: o.count })),
        },
      ],
    }),
    [groups],
  );
  if (groups.length === 0) return <Typography.Text type="secondary">本年尚无办结的申请</Typography.Text>;
  return (
    <Row gutter={12}>
      <Col span={11}>
        <EChart option={option} height={240} label={`办理结果：${groups.map((o) => `${o.label}${o.count}件`).join('；')}`} />
      </Col>
      <Col span={13}>
        <Table<OutcomeRow>
          aria-label="办理结果分布"
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={groups}
          expandable={{ indentSize: 8 }}
          columns={[
            { title: '办理结果（表三）', dataIndex: 'label' },
            { title: '件数', dataIndex: 'count', width: 56, align: 'right' },
            { title: '占比', key: 'share', width: 64, align: 'right', render: (_, o) => `${((o.count / total) * 100).toFixed(1)}%` },
          ]}
        />
      </Col>
    </Row>
  );
}

export default function DashboardPage() {
  const { agencyId, agencies, year } = useWorkspace();
  const [departments, setDepartments] = useState(true);
  const agencyName = agencies.find((a) => a.id === agencyId)?.name ?? '';
  const { data, error, isPending } = useQuery({
    queryKey: ['dashboard', agencyId, departments, year],
    queryFn: () => loadDashboard(agencyId!, departments, year),
    enabled: agencyId !== undefined,
  });
  const hasDepartments = agencies.some((a) => a.parentId === agencyId);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          工作台 <Typography.Text type="secondary">{agencyName}</Typography.Text>
        </Typography.Title>
        <Space>
          {data && <Typography.Text type="secondary">今天是{formatDayWithWeekday(data.today)}</Typography.Text>}
          {hasDepartments && (
            <>
              <label htmlFor="gk-dashboard-departments">含下属部门</label>
              <Switch id="gk-dashboard-departments" checked={departments} onChange={setDepartments} size="small" />
            </>
          )}
        </Space>
      </Space>
      <ErrorAlert error={error} title="无法加载工作台" />
      {agencyId === undefined && <Alert type="info" showIcon title="没有可查看的机关" />}
      {isPending && agencyId !== undefined && <Spin />}
      {data && (
        <>
          {data.note && <Alert type="info" showIcon title={data.note} />}
          <Row gutter={12}>
            {(
              [
                ['本年收到', data.counts.received, undefined],
                ['本年办结', data.counts.closed, undefined],
                ['办理中', data.counts.open, undefined],
                ['已逾期', data.counts.overdue, data.counts.overdue > 0 ? '#cf1322' : undefined],
              ] as const
            ).map(([title, value, color]) => (
              <Col span={6} key={title}>
                <Card size="small">
                  <Statistic title={`${title}（件）`} value={value} styles={{ content: { color } }} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={`已逾期（${data.overdue.length}件）`} styles={{ header: { color: data.overdue.length ? '#cf1322' : undefined } }}>
            {data.overdue.length ? (
              <DueTable items={data.overdue} label="已逾期的申请" showAgency={departments && hasDepartments} />
            ) : (
              <Typography.Text type="secondary">没有逾期的申请</Typography.Text>
            )}
          </Card>
          <Card size="small" title={`即将到期（5个工作日内，${data.dueSoon.length}件）`}>
            {data.dueSoon.length ? (
              <DueTable items={data.dueSoon} label="即将到期的申请" showAgency={departments && hasDepartments} />
            ) : (
              <Typography.Text type="secondary">5个工作日内没有到期的申请</Typography.Text>
            )}
          </Card>
          <Row gutter={12}>
            <Col span={12}>
              <Card size="small" title={`${data.year}年各月申请`}>
                <MonthChart data={data} />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={`${data.year}年办理结果`}>
                <OutcomeBreakdown data={data} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
