// 汇总分析: a batch's reports summed by level (政府/部门) — the main figures side by side, the
// rankings, the agencies with findings, and every total with the standard's labels. Any figure
// (a bar or a total) opens the reports behind it, each linking to its report page with the cell marked.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Segmented, Space, Spin, Statistic, Switch, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { get } from '../api.ts';
import { EChart } from '../components/register/EChart.tsx';
import { ErrorAlert } from '../components/register/ErrorAlert.tsx';
import type { Aggregate, AggregateGroup, AggregateTotal, FlaggedReport } from '../components/review/analysis-types.ts';
import { type CellPick, CellReportsDrawer } from '../components/review/CellReportsDrawer.tsx';
import { type Ranking, rankingsOf, rankValue } from '../components/review/rankings.ts';
import type { BatchSummary } from '../components/review/types.ts';

/** The figures reviewers compare first, in the standard's order. */
const MAIN: { key: string; name: string }[] = [
  { key: 'b.new.total', name: '收到申请数' },
  { key: 'b.carried_in.total', name: '上年结转' },
  { key: 'b.granted.total', name: '予以公开' },
  { key: 'b.partial.total', name: '部分公开' },
  { key: 'b.carried_out.total', name: '结转下年度' },
  { key: 'c.review.total', name: '行政复议' },
  { key: 'c.review.corrected', name: '复议纠错' },
  { key: 'c.suit_direct.total', name: '直接起诉' },
  { key: 'c.suit_after_review.total', name: '复议后起诉' },
];

const LEVEL_COLORS = ['#b71c1c', '#5c6bc0', '#26a69a', '#ffa726'];

/** A figure's name for the drawer: 「表三 一、本年新收政府信息公开申请数量 · 总计」. */
function totalLabel(t: Pick<AggregateTotal, 'table' | 'row' | 'column'>): string {
  return [t.table, t.row, t.column].filter(Boolean).join(' · ');
}

/** A group's identity: its year and level. */
function groupId(group: AggregateGroup): string {
  return `${group.year ?? 'none'}-${group.level}`;
}

/** A report as a chart names it: its agency, else its file. */
function reportName(r: { agency: string | null; file: string }): string {
  return r.agency ?? r.file;
}

function totalOf(group: AggregateGroup, key: string): number {
  return group.totals.find((t) => t.key === key)?.total ?? 0;
}

function MainChart({ groups, onPick }: { groups: AggregateGroup[]; onPick: (pick: CellPick) => void }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: groups.map((g) => g.name), top: 0 },
      grid: { left: 48, right: 12, top: 32, bottom: 48 },
      xAxis: { type: 'category', data: MAIN.map((m) => m.name), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: groups.map((g, i) => ({
        name: g.name,
        type: 'bar',
        data: MAIN.map((m) => totalOf(g, m.key)),
        itemStyle: { color: LEVEL_COLORS[i % LEVEL_COLORS.length] },
      })),
    }),
    [groups],
  );
  const summary = groups.map((g) => `${g.name}：${MAIN.map((m) => `${m.name}${totalOf(g, m.key)}`).join('，')}`).join('；');
  return (
    <EChart
      option={option}
      height={300}
      label={`各层级主要数据：${summary}`}
      onClick={(click) => {
        const main = MAIN[click.dataIndex];
        if (!main) return;
        const total = groups[0]?.totals.find((t) => t.key === main.key);
        onPick({ key: main.key, label: total ? `${main.name}（${totalLabel(total)}）` : main.name });
      }}
    />
  );
}

function RankingChart({ ranking, onOpen }: { ranking: Ranking; onOpen: (index: number) => void }) {
  const top = useMemo(() => ranking.entries.slice(0, 10), [ranking]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 140, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: top.map(reportName), axisLabel: { width: 130, overflow: 'truncate' } },
      series: [{ name: ranking.title, type: 'bar', data: top.map((e) => rankValue(ranking, e.value)), itemStyle: { color: '#b71c1c' } }],
    }),
    [top, ranking],
  );
  if (top.length === 0) return <Typography.Text type="secondary">没有可排名的报告</Typography.Text>;
  return (
    <EChart
      option={option}
      height={Math.max(120, 28 * top.length + 40)}
      label={`${ranking.title}排名：${top.map((e) => `第${e.rank}名${reportName(e)}${rankValue(ranking, e.value)}${ranking.unit}`).join('；')}`}
      onClick={(click) => onOpen(click.dataIndex)}
    />
  );
}

function FlaggedChart({ flagged, onOpen }: { flagged: FlaggedReport[]; onOpen: (f: FlaggedReport) => void }) {
  const top = useMemo(() => [...flagged].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings).slice(0, 15), [flagged]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: ['错误', '警告'], top: 0 },
      grid: { left: 140, right: 24, top: 28, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: top.map(reportName),
        axisLabel: { width: 130, overflow: 'truncate' },
      },
      series: [
        { name: '错误', type: 'bar', stack: 'n', data: top.map((f) => f.errors), itemStyle: { color: '#cf1322' } },
        { name: '警告', type: 'bar', stack: 'n', data: top.map((f) => f.warnings), itemStyle: { color: '#fa8c16' } },
      ],
    }),
    [top],
  );
  if (top.length === 0) return <Typography.Text type="secondary">本层级没有发现问题的报告</Typography.Text>;
  return (
    <EChart
      option={option}
      height={Math.max(120, 28 * top.length + 56)}
      label={`发现问题的机关：${top.map((f) => `${reportName(f)}错误${f.errors}个、警告${f.warnings}个`).join('；')}`}
      onClick={(click) => {
        const f = top[click.dataIndex];
        if (f) onOpen(f);
      }}
    />
  );
}

interface TotalRow {
  key: string;
  table: string;
  row: string;
  column: string;
  byLevel: Record<string, AggregateTotal | undefined>;
}

function TotalsTable({ groups, onPick }: { groups: AggregateGroup[]; onPick: (pick: CellPick) => void }) {
  const [nonZero, setNonZero] = useState(true);
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const byKey = new Map<string, TotalRow>();
    for (const g of groups)
      for (const t of g.totals) {
        let row = byKey.get(t.key);
        if (!row) byKey.set(t.key, (row = { key: t.key, table: t.table, row: t.row, column: t.column, byLevel: {} }));
        row.byLevel[groupId(g)] = t;
      }
    return [...byKey.values()];
  }, [groups]);
  const shown = rows.filter(
    (r) =>
      (!nonZero || Object.values(r.byLevel).some((t) => t && t.total !== 0)) && (!q || `${r.table}${r.row}${r.column}${r.key}`.includes(q.trim())),
  );
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} align="center" wrap>
        <Input.Search
          aria-label="筛选数据项"
          placeholder="按表、行、列筛选"
          allowClear
          style={{ width: 260 }}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ('')}
        />
        <Flex align="center" gap={6}>
          <Switch id="gk-aggregate-nonzero" size="small" checked={nonZero} onChange={setNonZero} />
          <label htmlFor="gk-aggregate-nonzero">只看非零</label>
        </Flex>
      </Flex>
      <Table<TotalRow>
        aria-label="各层级合计"
        size="small"
        rowKey="key"
        dataSource={shown}
        pagination={{ pageSize: 30, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: '没有数据' }}
        columns={[
          { title: '表', dataIndex: 'table', width: 170, ellipsis: true },
          { title: '行', dataIndex: 'row', ellipsis: true },
          { title: '列', dataIndex: 'column', width: 150, ellipsis: true },
          ...groups.map((g) => ({
            title: `${g.name}合计`,
            key: groupId(g),
            width: 120,
            align: 'right' as const,
            render: (_: unknown, r: TotalRow) => {
              const t = r.byLevel[groupId(g)];
              if (!t) return '—';
              return (
                <Button
                  type="link"
                  size="small"
                  data-key={r.key}
                  aria-label={`${g.name}${totalLabel(r)}合计${t.total}，查看数据来源`}
                  onClick={() => onPick({ key: r.key, label: totalLabel(r) })}
                  style={{ padding: 0 }}
                >
                  {t.total}
                </Button>
              );
            },
          })),
          ...groups.map((g) => ({
            title: `${g.name}填报份数`,
            key: `${groupId(g)}-n`,
            width: 100,
            align: 'right' as const,
            render: (_: unknown, r: TotalRow) => r.byLevel[groupId(g)]?.reports ?? '—',
          })),
        ]}
      />
    </Flex>
  );
}

function LevelPanel({ group }: { group: AggregateGroup }) {
  const navigate = useNavigate();
  const rankings = rankingsOf(group);
  return (
    <Flex vertical gap={12}>
      <Row gutter={12}>
        <Col span={6}>
          <Card size="small">
            <Statistic title="报告（份）" value={group.reports} />
          </Card>
        </Col>
        {MAIN.slice(0, 1)
          .concat(MAIN.filter((m) => m.key === 'b.granted.total' || m.key === 'c.review.corrected'))
          .map((m) => (
            <Col span={6} key={m.key}>
              <Card size="small">
                <Statistic title={`${m.name}（件）`} value={totalOf(group, m.key)} />
              </Card>
            </Col>
          ))}
      </Row>
      <Row gutter={12}>
        {rankings.map((r) => (
          <Col span={12} key={r.id} style={{ marginBottom: 12 }}>
            <Card size="small" title={`排名：${r.title}${r.unit === '%' ? '（%）' : ''}`}>
              <RankingChart
                ranking={r}
                onOpen={(i) => {
                  const e = r.entries[i];
                  if (e) navigate(`/review/reports/${e.reportId}${r.key ? `?keys=${encodeURIComponent(r.key)}` : ''}`);
                }}
              />
            </Card>
          </Col>
        ))}
        <Col span={12} style={{ marginBottom: 12 }}>
          <Card size="small" title={`发现问题的机关（${group.flagged.length}个）`}>
            <FlaggedChart flagged={group.flagged} onOpen={(f) => navigate(`/review/reports/${f.reportId}`)} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

export default function ReviewAggregatePage() {
  const batchId = Number(useParams().id);
  const [pick, setPick] = useState<CellPick>();
  const [level, setLevel] = useState<string>();
  const batch = useQuery({ queryKey: ['review-batch', batchId], queryFn: () => get<BatchSummary>(`/review/batches/${batchId}`) });
  const aggregate = useQuery({
    queryKey: ['review-aggregate', batchId],
    queryFn: () => get<Aggregate>(`/review/batches/${batchId}/aggregate?by=level`),
  });
  const groups = aggregate.data?.groups ?? [];
  const current = groups.find((g) => groupId(g) === level) ?? groups[0];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          汇总分析 <Typography.Text type="secondary">{batch.data?.name}</Typography.Text>
        </Typography.Title>
        <Space>
          <Link to={`/review/batches/${batchId}`}>返回批次</Link>
          <Link to={`/review/batches/${batchId}/issues`}>问题清单</Link>
        </Space>
      </Flex>
      <ErrorAlert error={batch.error ?? aggregate.error} title="无法载入汇总分析" />
      {aggregate.isPending && <Spin />}
      {batch.data && batch.data.reports.pending > 0 && (
        <Alert type="info" showIcon title={`还有${batch.data.reports.pending}份报告正在读取，汇总只含已读取的报告`} />
      )}
      {aggregate.data && groups.length === 0 && <Empty description="本批次还没有已读取的报告" />}
      {groups.length > 0 && (
        <>
          <Card size="small" title="各层级主要数据（点击柱形查看数据来源）">
            <MainChart groups={groups} onPick={setPick} />
          </Card>
          {groups.length > 1 && (
            <Segmented
              aria-label="层级"
              value={current ? groupId(current) : undefined}
              onChange={(v) => setLevel(String(v))}
              options={groups.map((g) => ({ value: groupId(g), label: `${g.name}（${g.reports}份）` }))}
            />
          )}
          {current && <LevelPanel key={groupId(current)} group={current} />}
          <Card size="small" title="各层级合计（点击数值查看数据来源）">
            <TotalsTable groups={groups} onPick={setPick} />
          </Card>
        </>
      )}
      <CellReportsDrawer batchId={batchId} pick={pick} onClose={() => setPick(undefined)} />
    </Flex>
  );
}
