// A list of audit entries: when, who, what, and the fields changed, all as text.
import { Button, Table, Tag } from 'antd';

export interface AuditItem {
  id: number;
  table: string;
  rowKey?: string;
  action: string;
  at: string;
  actor: string;
  what: string;
  changes: string[];
}

const ACTION_COLOR: Record<string, string> = { insert: 'green', update: 'blue', delete: 'red' };

interface Props {
  items: AuditItem[] | undefined;
  loading: boolean;
  /** Opens one record's trail; absent where the list is one record's already. */
  onRecord?: (table: string, rowKey: string) => void;
}

export function AuditTable({ items, loading, onRecord }: Props) {
  return (
    <Table<AuditItem>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      locale={{ emptyText: '没有符合条件的操作记录' }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 160 },
        { title: '操作人', dataIndex: 'actor', width: 120 },
        { title: '操作', key: 'what', width: 150, render: (_, e) => <Tag color={ACTION_COLOR[e.action]}>{e.what}</Tag> },
        {
          title: '记录',
          key: 'row',
          width: 90,
          render: (_, e) =>
            e.rowKey && onRecord ? (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={() => onRecord(e.table, e.rowKey as string)}
                aria-label={`查看${e.what.slice(2)}${e.rowKey}的全部记录`}
              >
                {e.rowKey}
              </Button>
            ) : (
              (e.rowKey ?? '')
            ),
        },
        {
          title: '内容',
          key: 'changes',
          render: (_, e) =>
            e.changes.length === 0 ? (
              '—'
            ) : (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {e.changes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
