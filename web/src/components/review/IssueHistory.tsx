// A finding's transitions (who moved it from which status to which, when, with what note), shown
// under its row in the 问题清单 when the row is opened.
import { useQuery } from '@tanstack/react-query';
import { Spin, Timeline, Typography } from 'antd';
import { get } from '../../api.ts';
import { formatTime } from '../../format.ts';
import type { IssueEvent, IssueRow } from './analysis-types.ts';
import { ISSUE_STATUS_NAMES } from './types.ts';

export function IssueHistory({ issue }: { issue: IssueRow }) {
  const events = useQuery({
    queryKey: ['review-issue-events', issue.id],
    queryFn: () => get<IssueEvent[]>(`/review/issues/${issue.id}/events`),
  });
  const fileLine = (
    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
      报告文件：{issue.fileName}；规则：{issue.ruleTitle}
      {issue.updatedBy ? `；最后由${issue.updatedBy}于${formatTime(issue.updatedAt)}办理` : ''}
    </Typography.Paragraph>
  );
  if (events.isPending) return <Spin size="small" />;
  const list = events.data ?? [];
  if (list.length === 0)
    return (
      <>
        {fileLine}
        <Typography.Text type="secondary">{events.error ? '暂无流转记录可查' : '尚未办理'}</Typography.Text>
      </>
    );
  return (
    <>
      {fileLine}
      <Timeline
        aria-label="流转记录"
        style={{ marginTop: 12 }}
        items={list.map((e, i) => ({
          key: i,
          content: (
            <span>
              {formatTime(e.at)} {e.actor}：{ISSUE_STATUS_NAMES[e.from] ?? e.from} → {ISSUE_STATUS_NAMES[e.to] ?? e.to}
              {e.note && <Typography.Text type="secondary">（{e.note}）</Typography.Text>}
            </span>
          ),
        }))}
      />
    </>
  );
}
