// Cases due soon or overdue, each with its deadline and the explanation of how it was computed.
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { dueStatus, formatDay, formatDayWithWeekday } from '../../format.ts';
import { DeadlineSteps } from './DeadlineExplanation.tsx';
import type { DueItem } from './dashboard-data.ts';

export function DueTable({ items, label, showAgency }: { items: DueItem[]; label: string; showAgency?: boolean }) {
  return (
    <Table<DueItem>
      aria-label={label}
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: '没有' }}
      columns={[
        {
          title: '编号',
          dataIndex: 'reference',
          width: 130,
          render: (ref: string | null, item) => <Link to={`/applications/${item.id}`}>{ref || `#${item.id}`}</Link>,
        },
        { title: '申请人', dataIndex: 'applicant', width: 110, render: (text: string) => <Typography.Text>{text}</Typography.Text> },
        ...(showAgency ? [{ title: '机关', dataIndex: 'agencyName', width: 140 }] : []),
        { title: '收到日期', dataIndex: 'receivedOn', width: 120, render: (day: string) => formatDay(day) },
        {
          title: '答复期限',
          dataIndex: 'due',
          width: 190,
          render: (day: string | null, item) => {
            const status = dueStatus(item);
            return (
              <>
                <div>{formatDayWithWeekday(day)}</div>
                <Tag color={status.color}>{status.text}</Tag>
              </>
            );
          },
        },
        { title: '期限计算', dataIndex: 'explanation', render: (steps: string[]) => <DeadlineSteps steps={steps} compact /> },
      ]}
    />
  );
}
