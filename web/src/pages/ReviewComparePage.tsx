// 年度对比: two reports of an agency side by side — every cell's change, the largest moves first;
// each section's text diffed sentence by sentence, with its sameness to last year's and to the
// closest other agency's, the repeated passages highlighted; the series rules' findings.
import { useQueries, useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get, qs } from '../api.ts';
import { LoadFailure, SEVERITY_TAGS, shownValue } from '../components/review/common.tsx';
import type { CellChange, ReportRef, YearComparison } from '../components/review/compare-types.ts';
import type { ReportDetail } from '../components/review/types.ts';
import { SectionDiff } from '../components/review/SectionDiff.tsx';

const refLabel = (r: ReportRef) => `${r.agency ?? '（机关未识别）'} ${r.year ? `${r.year}年` : ''}`;

export default function ReviewComparePage() {
  const [params] = useSearchParams();
  const a = Number(params.get('a'));
  const b = Number(params.get('b'));
  const valid = Number.isInteger(a) && a > 0 && Number.isInteger(b) && b > 0;
  const [changedOnly, setChangedOnly] = useState(true);
  const comparison = useQuery({
    queryKey: ['review-compare', a, b],
    queryFn: () => get<YearComparison>(`/review/compare${qs({ a, b })}`),
    enabled: valid,
  });
  // The server puts the earlier year first whatever the order asked: the reports' years say which id is which.
  const [yearA, yearB] = useQueries({
    queries: [a, b].map((id) => ({ queryKey: ['review-report', id], queryFn: () => get<ReportDetail>(`/review/reports/${id}`), enabled: valid })),
  }).map((q) => q.data?.year);
  const [previousId, currentId] = yearA !== undefined && yearB !== undefined && (yearA ?? 0) > (yearB ?? 0) ? [b, a] : [a, b];
  if (!valid) return <LoadFailure error={new Error('请从报告页面选择要对比的两个年度')} what="对比" />;
  if (comparison.error) return <LoadFailure error={comparison.error} what="报告" />;
  const c = comparison.data;
  if (!c) return <Spin />;
  const cells = changedOnly ? c.cells.filter((x) => x.change !== 0) : c.cells;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          年度对比：{c.agency ?? '（机关未识别）'}
        </Typography.Title>
        <Space>
          <Link to={`/review/reports/${previousId}`}>{refLabel(c.previous)}</Link>
          <span>→</span>
          <Link to={`/review/reports/${currentId}`}>{refLabel(c.current)}</Link>
        </Space>
      </Space>
      <Row gutter={12}>
        {[
          ['上年', c.previous, previousId],
          ['本年', c.current, currentId],
        ].map(([label, ref, id]) => (
          <Col span={12} key={String(label)}>
            <Card
              size="small"
              title={`${label as string}：${refLabel(ref as ReportRef)}`}
              extra={<Link to={`/review/reports/${id as number}`}>打开报告</Link>}
            >
              <Typography.Text type="secondary">文件：{(ref as ReportRef).file}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      {c.findings.length > 0 && (
        <Card size="small" title="跨年度检查">
          <ul aria-label="跨年度检查发现的问题" style={{ margin: 0, paddingLeft: 18 }}>
            {c.findings.map((f, i) => (
              <li key={i}>
                <Tag color={SEVERITY_TAGS[f.severity].color}>{SEVERITY_TAGS[f.severity].label}</Tag>
                {f.message}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card
        size="small"
        title="表格数据的变化（变化最大的在前）"
        extra={
          <label>
            <Switch size="small" checked={changedOnly} onChange={setChangedOnly} /> 只看有变化的
          </label>
        }
      >
        <Table<CellChange>
          aria-label="单元格变化"
          size="small"
          rowKey="key"
          dataSource={cells}
          pagination={{ pageSize: 30, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: '两个年度的表格数据相同' }}
          onRow={(x) => ({ 'data-key': x.key }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: '单元格', dataIndex: 'label', ellipsis: true },
            { title: refLabel(c.previous), dataIndex: 'previous', width: 140, render: (v: number | null) => shownValue(v) },
            { title: refLabel(c.current), dataIndex: 'current', width: 140, render: (v: number | null) => shownValue(v) },
            {
              title: '变化',
              dataIndex: 'change',
              width: 100,
              render: (v: number | null) =>
                v === null ? (
                  <Typography.Text type="secondary">无法比较</Typography.Text>
                ) : (
                  <span style={{ color: v > 0 ? '#cf1322' : v < 0 ? '#389e0d' : undefined }}>{v > 0 ? `+${v}` : v}</span>
                ),
            },
            {
              title: '变化幅度',
              dataIndex: 'relative',
              width: 100,
              render: (v: number | null) => (v === null ? '' : `${v > 0 ? '+' : ''}${Math.round(v * 1000) / 10}%`),
            },
          ]}
        />
      </Card>
      <Card size="small" title="正文对比">
        {c.sections.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="两份报告都没有正文" />
        ) : (
          c.sections.map((s) => <SectionDiff key={s.id} section={s} previousLabel={refLabel(c.previous)} currentLabel={refLabel(c.current)} />)
        )}
      </Card>
    </Space>
  );
}
