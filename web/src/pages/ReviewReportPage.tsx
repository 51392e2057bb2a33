// 审阅报告: one report of a batch — its findings under review (确认/排除), its cells as read and in
// effect (更正 with a reason, the checks re-run), and the source beside them: the PDF page drawn
// in the browser with the selected cells boxed, or the marked HTML view. `?keys=` is the selection.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { get } from '../api.ts';
import { CellsPanel } from '../components/review/CellsPanel.tsx';
import { LEVEL_NAMES, LoadFailure, REPORT_STATUS } from '../components/review/common.tsx';
import { CorrectionDialog } from '../components/review/CorrectionDialog.tsx';
import { CorrectionHistory } from '../components/review/CorrectionHistory.tsx';
import { FindingsList } from '../components/review/FindingsList.tsx';
import { HtmlSource } from '../components/review/HtmlSource.tsx';
import { PdfSource } from '../components/review/PdfSource.tsx';
import type { CellView, ReportDetail, TableStatus } from '../components/review/types.ts';
import { formatDay } from '../format.ts';

const TABLE_STATUS: Record<TableStatus, string> = { complete: '完整', partial: '不完整', absent: '缺失', image: '图片（无法读取）' };
const TABLE_NAMES: Record<string, string> = { a: '表二', b: '表三', c: '表四' };

/** How the report was read: kind, edition of the format, each table's state. */
function howRead(d: ReportDetail): string {
  const parts = [d.kind ? d.kind.toUpperCase() : '', d.format ? `${d.format}年版格式` : ''];
  const tables = Object.entries(d.tables)
    .map(([id, status]) => `${TABLE_NAMES[id] ?? id}${TABLE_STATUS[status] ?? status}`)
    .join('，');
  return [...parts, tables].filter(Boolean).join('；');
}

export default function ReviewReportPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [correcting, setCorrecting] = useState<CellView>();
  const [version, setVersion] = useState(0);
  const keysParam = params.get('keys') ?? '';
  const selectedKeys = useMemo(() => keysParam.split(',').filter(Boolean), [keysParam]);
  const select = (keys: string[]) => {
    const next = new URLSearchParams(params);
    if (keys.length > 0) next.set('keys', keys.join(','));
    else next.delete('keys');
    setParams(next, { replace: true });
  };
  const detail = useQuery({
    queryKey: ['review-report', id],
    queryFn: () => get<ReportDetail>(`/review/reports/${id}`),
    enabled: valid,
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? 1500 : false),
  });
  const d = detail.data;
  const selectedCells = useMemo(() => (d ? d.cells.filter((c) => selectedKeys.includes(c.key)) : []), [d, selectedKeys]);
  const flagged = useMemo(() => new Set((d?.issues ?? []).filter((i) => i.present).flatMap((i) => i.keys)), [d]);

  if (!valid) return <LoadFailure error={new Error('报告编号无效')} what="报告" />;
  if (detail.error) return <LoadFailure error={detail.error} what="报告" />;
  if (!d) return <Spin />;
  const earlier = d.otherYears.filter((o) => d.year !== null && o.year < d.year).sort((a, b) => b.year - a.year);
  const compareWith = earlier[0] ?? [...d.otherYears].sort((a, b) => a.year - b.year)[0];
  const compareLink = (o: { id: number; year: number }) =>
    d.year !== null && o.year > d.year ? `/review/compare?a=${d.id}&b=${o.id}` : `/review/compare?a=${o.id}&b=${d.id}`;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {d.title ?? ([d.agency, d.year ? `${d.year}年度` : ''].filter(Boolean).join('') || d.fileName)}
        </Typography.Title>
        <Space wrap>
          {compareWith && <Link to={compareLink(compareWith)}>与其他年度对比</Link>}
          {d.otherYears.length > 1 &&
            [...d.otherYears]
              .sort((a, b) => a.year - b.year)
              .map((o) => (
                <Link key={o.id} to={compareLink(o)}>
                  {o.year}年
                </Link>
              ))}
          <Button onClick={() => navigate(`/review/batches/${d.batchId}`)}>返回批次</Button>
        </Space>
      </Space>
      <Card size="small">
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'agency', label: '机关', children: d.agency ?? '未识别' },
            { key: 'level', label: '层级', children: d.agencyLevel ? LEVEL_NAMES[d.agencyLevel] : '未识别' },
            { key: 'year', label: '年度', children: d.year ? `${d.year}年` : '未识别' },
            { key: 'file', label: '文件', children: d.fileName },
            {
              key: 'read',
              label: '读取情况',
              children: (
                <>
                  {<Tag color={REPORT_STATUS[d.status].color}>{REPORT_STATUS[d.status].label}</Tag>}
                  {howRead(d)}
                </>
              ),
            },
            { key: 'published', label: '发布日期', children: d.publishedOn ? formatDay(d.publishedOn) : '未知' },
          ]}
        />
      </Card>
      {d.status === 'pending' && <Alert type="info" showIcon title="该报告正在读取，请稍候" />}
      {d.error && <Alert type="error" showIcon title="无法读取该报告" description={d.error.reason} />}
      <Row gutter={12}>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Card size="small">
              <FindingsList reportId={d.id} issues={d.issues} selectedKeys={selectedKeys} onSelect={select} />
            </Card>
            <Card size="small" title="表格数据">
              <CellsPanel cells={d.cells} selectedKeys={selectedKeys} flagged={flagged} onSelect={(key) => select([key])} onCorrect={setCorrecting} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title="原文" style={{ position: 'sticky', top: 8 }}>
            {d.view === 'pdf' ? (
              <PdfSource reportId={d.id} selected={selectedCells} />
            ) : (
              <HtmlSource reportId={d.id} keys={selectedKeys} version={version} />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title="更正记录">
        <CorrectionHistory log={d.correctionsLog} cells={d.cells} />
      </Card>
      <CorrectionDialog
        reportId={d.id}
        cell={correcting}
        onClose={() => setCorrecting(undefined)}
        onDone={(next) => {
          client.setQueryData(['review-report', id], next);
          setCorrecting(undefined);
          setVersion((v) => v + 1);
          message.success('已更正，检查结果已更新');
          void client.invalidateQueries({ queryKey: ['review-reports', next.batchId] });
          void client.invalidateQueries({ queryKey: ['review-batch', next.batchId] });
        }}
      />
    </Space>
  );
}
