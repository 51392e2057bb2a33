// 问题清单: a batch's findings under review, grouped by the agency whose report they are in, with
// counts by status; each is confirmed or dismissed, assigned for 整改, and its response accepted
// or returned. Exports: the 通报 (DOCX), the 问题清单 and the reports' figures (XLSX), findings (CSV).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Empty, Flex, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, download, get } from '../api.ts';
import { ErrorAlert, errorText } from '../components/register/ErrorAlert.tsx';
import type { IssueRow } from '../components/review/analysis-types.ts';
import { IssueHistory } from '../components/review/IssueHistory.tsx';
import {
  actionsFor,
  ISSUE_ACTIONS,
  type IssueAction,
  IssueTransitionDialog,
  type TransitionInput,
} from '../components/review/IssueTransitionDialog.tsx';
import { ISSUE_STATUSES, SeverityTag, StatusTag } from '../components/review/issue-vocabulary.tsx';
import { type BatchSummary, ISSUE_STATUS_NAMES, type IssueStatus, type Severity } from '../components/review/types.ts';
import { formatDay, formatTime } from '../format.ts';
import { useWorkspace } from '../workspace.tsx';

const UNKNOWN_AGENCY = '（未识别机关）';

const EXPORTS = [
  { key: 'notice', label: '导出通报（DOCX）', path: 'notice.docx', name: '通报.docx' },
  { key: 'issues', label: '导出问题清单（XLSX）', path: 'issues.xlsx', name: '问题清单.xlsx' },
  { key: 'reports', label: '导出报告数据（XLSX）', path: 'reports.xlsx', name: '报告数据.xlsx' },
  { key: 'findings', label: '导出问题（CSV）', path: 'findings.csv', name: '问题.csv' },
] as const;

interface Group {
  agency: string;
  issues: IssueRow[];
  counts: Partial<Record<IssueStatus, number>>;
}

function IssueTable({ issues, onAction }: { issues: IssueRow[]; onAction: (issue: IssueRow, action: IssueAction) => void }) {
  return (
    <Table<IssueRow>
      size="small"
      rowKey="id"
      dataSource={issues}
      pagination={issues.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      expandable={{ expandedRowRender: (issue) => <IssueHistory issue={issue} />, expandRowByClick: false }}
      onRow={(issue) => ({ 'data-issue': issue.id }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: '问题',
          key: 'message',
          render: (_, issue) => (
            <Flex vertical gap={2}>
              <span>
                <SeverityTag severity={issue.severity} />
                {issue.message}
                {!issue.present && <Tag style={{ marginLeft: 6 }}>更正后已消失</Tag>}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {issue.cellLabels.length > 0 ? issue.cellLabels.join('；') : issue.ruleTitle}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          title: '报告',
          key: 'report',
          width: 150,
          render: (_, issue) => (
            <Link
              to={`/review/reports/${issue.reportId}${issue.keys.length ? `?keys=${issue.keys.map(encodeURIComponent).join(',')}` : ''}`}
              title={issue.fileName}
            >
              {issue.year ? `${issue.year}年报告` : issue.fileName}
            </Link>
          ),
        },
        { title: '状态', dataIndex: 'status', width: 90, render: (s: IssueStatus) => <StatusTag status={s} /> },
        {
          title: '审核意见',
          dataIndex: 'note',
          width: 180,
          render: (note: string | null) => note ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
        {
          title: '整改',
          key: 'rectification',
          width: 240,
          render: (_, issue) =>
            issue.assignedAgency || issue.response ? (
              <Flex vertical gap={2}>
                {issue.assignedAgency && (
                  <span>
                    {issue.assignedAgency}
                    {issue.dueOn && <Typography.Text type="secondary">，{formatDay(issue.dueOn)}前</Typography.Text>}
                  </span>
                )}
                {issue.response && (
                  <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
                    <Typography.Text strong>反馈：</Typography.Text>
                    {issue.response}
                  </Typography.Paragraph>
                )}
                {issue.respondedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {issue.respondedBy} {formatTime(issue.respondedAt)}
                  </Typography.Text>
                )}
              </Flex>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
        {
          title: '操作',
          key: 'actions',
          width: 170,
          render: (_, issue) =>
            issue.present || issue.status !== 'open' ? (
              <Space size={4} wrap>
                {actionsFor(issue.status).map((action) => (
                  <Button
                    key={action}
                    size="small"
                    type={action === 'confirm' || action === 'assign' || action === 'accept' ? 'primary' : 'default'}
                    onClick={() => onAction(issue, action)}
                  >
                    {ISSUE_ACTIONS[action].label}
                  </Button>
                ))}
                {issue.status === 'rectifying' && <Typography.Text type="secondary">等待反馈</Typography.Text>}
              </Space>
            ) : null,
        },
      ]}
    />
  );
}

export default function ReviewIssuesPage() {
  const batchId = Number(useParams().id);
  const client = useQueryClient();
  const { message } = App.useApp();
  const { agencies } = useWorkspace();
  const [status, setStatus] = useState<IssueStatus>();
  const [severity, setSeverity] = useState<Severity>();
  const [agency, setAgency] = useState<string>();
  const [all, setAll] = useState(false);
  const [acting, setActing] = useState<{ issue: IssueRow; action: IssueAction }>();
  const [exporting, setExporting] = useState<string>();

  const batch = useQuery({ queryKey: ['review-batch', batchId], queryFn: () => get<BatchSummary>(`/review/batches/${batchId}`) });
  const issues = useQuery({
    queryKey: ['review-issues', batchId, all],
    queryFn: () => get<IssueRow[]>(`/review/batches/${batchId}/issues${all ? '?all=1' : ''}`),
  });

  const groups = useMemo(() => {
    const byAgency = new Map<string, Group>();
    for (const issue of issues.data ?? []) {
      const name = issue.agency ?? UNKNOWN_AGENCY;
      let group = byAgency.get(name);
      if (!group) byAgency.set(name, (group = { agency: name, issues: [], counts: {} }));
      group.issues.push(issue);
      group.counts[issue.status] = (group.counts[issue.status] ?? 0) + 1;
    }
    return [...byAgency.values()].sort((a, b) => a.agency.localeCompare(b.agency, 'zh-CN'));
  }, [issues.data]);

  const shown = groups
    .filter((g) => !agency || g.agency === agency)
    .map((g) => ({ ...g, issues: g.issues.filter((i) => (!status || i.status === status) && (!severity || i.severity === severity)) }))
    .filter((g) => g.issues.length > 0);

  const totals: Partial<Record<IssueStatus, number>> = {};
  for (const issue of issues.data ?? []) totals[issue.status] = (totals[issue.status] ?? 0) + 1;

  /** The agency the report names, as matched in the register (the server gives the register's name when it matched). */
  const defaultAgencyId = (issue: IssueRow | undefined): number | undefined =>
    issue?.agency ? agencies.find((a) => a.name === issue.agency)?.id : undefined;

  const transition = async (input: TransitionInput) => {
    if (!acting) return;
    await api('POST', `/review/issues/${acting.issue.id}/transition`, input);
    message.success(`已${ISSUE_ACTIONS[input.action].label}`);
    setActing(undefined);
    await client.invalidateQueries({ queryKey: ['review-issues', batchId] });
    await client.invalidateQueries({ queryKey: ['review-issue-events', acting.issue.id] });
    await client.invalidateQueries({ queryKey: ['review-batch', batchId] });
  };

  const exportFile = async (key: string) => {
    const spec = EXPORTS.find((e) => e.key === key)!;
    setExporting(key);
    try {
      await download(`/review/batches/${batchId}/${spec.path}`, spec.name);
    } catch (error) {
      message.error(`导出失败：${errorText(error)}`);
    } finally {
      setExporting(undefined);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          问题清单 <Typography.Text type="secondary">{batch.data?.name}</Typography.Text>
        </Typography.Title>
        <Space wrap>
          <Link to={`/review/batches/${batchId}`}>返回批次</Link>
          <Link to={`/review/batches/${batchId}/aggregate`}>汇总分析</Link>
          {EXPORTS.slice(0, 1).map((e) => (
            <Button key={e.key} type="primary" loading={exporting === e.key} onClick={() => exportFile(e.key)}>
              {e.label}
            </Button>
          ))}
          {EXPORTS.slice(1).map((e) => (
            <Button key={e.key} loading={exporting === e.key} onClick={() => exportFile(e.key)}>
              {e.label}
            </Button>
          ))}
        </Space>
      </Flex>
      <ErrorAlert error={batch.error ?? issues.error} title="无法载入问题清单" />
      <Flex gap={12} wrap align="center">
        <Select<IssueStatus>
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width: 150 }}
          value={status}
          onChange={setStatus}
          options={ISSUE_STATUSES.map((s) => ({ value: s, label: `${ISSUE_STATUS_NAMES[s]}（${totals[s] ?? 0}）` }))}
        />
        <Select<Severity>
          aria-label="按严重程度筛选"
          placeholder="全部类别"
          allowClear
          style={{ width: 120 }}
          value={severity}
          onChange={setSeverity}
          options={[
            { value: 'error', label: '错误' },
            { value: 'warning', label: '警告' },
            { value: 'info', label: '提示' },
          ]}
        />
        <Select<string>
          aria-label="按机关筛选"
          placeholder="全部机关"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240 }}
          value={agency}
          onChange={setAgency}
          options={groups.map((g) => ({ value: g.agency, label: `${g.agency}（${g.issues.length}）` }))}
        />
        <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
          含更正后已消失的问题
        </Checkbox>
        <Typography.Text type="secondary">共{issues.data?.length ?? 0}个问题</Typography.Text>
      </Flex>
      {issues.isPending && <Spin />}
      {issues.data && shown.length === 0 && <Empty description={issues.data.length ? '没有符合筛选条件的问题' : '本批次没有发现问题'} />}
      {shown.map((group) => (
        <Card
          key={group.agency}
          size="small"
          role="region"
          aria-label={group.agency}
          title={
            <Flex gap={8} align="center" wrap>
              <span>{group.agency}</span>
              {ISSUE_STATUSES.filter((s) => group.counts[s]).map((s) => (
                <Tag key={s} color={undefined}>
                  {ISSUE_STATUS_NAMES[s]} {group.counts[s]}
                </Tag>
              ))}
            </Flex>
          }
        >
          <IssueTable issues={group.issues} onAction={(issue, action) => setActing({ issue, action })} />
        </Card>
      ))}
      <IssueTransitionDialog
        issue={acting?.issue}
        action={acting?.action}
        agencies={agencies}
        defaultAgencyId={defaultAgencyId(acting?.issue)}
        onClose={() => setActing(undefined)}
        onSubmit={transition}
      />
    </Flex>
  );
}
