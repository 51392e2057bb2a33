// A finding's transitions (who moved it from which status to which, when, with what note), shown
// under its row in the 问题清单.
import { Timeline, Typography } from 'antd';
import { formatTime } from '../../format.ts';
import type { IssueRow } from './analysis-types.ts';
import { ISSUE_STATUS_NAMES } from './types.ts';

export function IssueHistory({ issue }: { issue: IssueRow }) {
  const events = issue.events ?? [];
  if (events.length === 0)
    return (
      <Typography.Text type="secondary">
        暂无流转记录{issue.updatedBy ? `；最后由${issue.updatedBy}于${formatTime(issue.updatedAt)}更新` : ''}
      </Typography.Text>
    );
  return (
    <Timeline
      aria-label="流转记录"
      style={{ marginTop: 8 }}
      items={events.map((e, i) => ({
        key: e.id ?? i,
        content: (
          <span>
            {formatTime(e.at)} {e.actor}：{ISSUE_STATUS_NAMES[e.fromStatus] ?? e.fromStatus} → {ISSUE_STATUS_NAMES[e.toStatus] ?? e.toStatus}
            {e.note && <Typography.Text type="secondary">（{e.note}）</Typography.Text>}
          </span>
        ),
      }))}
    />
  );
}
