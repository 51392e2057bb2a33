// An answer deadline with the steps of its computation (收到申请次日起算…, 补正中止…, 延期…) and warnings.
import { Alert, Space, Tag, Typography } from 'antd';
import { dueStatus, formatDayWithWeekday } from '../../format.ts';

export interface Deadline {
  due: string | null;
  steps: string[];
  warnings?: string[];
}

/** The steps as an ordered list of text. */
export function DeadlineSteps({ steps, compact = false }: { steps: string[]; compact?: boolean }) {
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20, fontSize: compact ? 12 : 14, color: compact ? 'rgba(0,0,0,0.65)' : undefined }}>
      {steps.map((step, i) => (
        <li key={i}>{step}</li>
      ))}
    </ol>
  );
}

/** The deadline block of a case page. */
export function DeadlineExplanation({
  deadline,
  status,
}: {
  deadline: Deadline;
  status?: { daysLeft?: number; overdueDays?: number; overdue?: boolean };
}) {
  const tag = status ? dueStatus(status) : undefined;
  return (
    <div aria-label="答复期限及计算说明">
      <Space wrap style={{ marginBottom: 4 }}>
        <Typography.Text strong>答复期限：</Typography.Text>
        {deadline.due ? (
          <Typography.Text strong style={{ fontSize: 16 }}>
            {formatDayWithWeekday(deadline.due)}
          </Typography.Text>
        ) : (
          <Typography.Text type="warning">期限暂停计算</Typography.Text>
        )}
        {tag && <Tag color={tag.color}>{tag.text}</Tag>}
      </Space>
      <DeadlineSteps steps={deadline.steps} />
      {(deadline.warnings ?? []).map((w, i) => (
        <Alert key={i} type="warning" showIcon title={w} style={{ marginTop: 8 }} />
      ))}
    </div>
  );
}
