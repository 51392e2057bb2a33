// The corrections of a report, oldest first: which cell, who, when, from what to what, and why.
import { Table } from 'antd';
import { formatTime } from '../../format.ts';
import { shownValue } from './common.tsx';
import type { CellView, CorrectionView } from './types.ts';

interface Row extends CorrectionView {
  label: string;
  /** The value in effect before this correction. */
  from: number | null;
}

export function CorrectionHistory({ log, cells }: { log: CorrectionView[]; cells: CellView[] }) {
  const labels = new Map(cells.map((c) => [c.key, `${c.table}「${c.row}」「${c.column}」`]));
  const sorted = [...log].sort((a, b) => a.id - b.id);
  const last = new Map<string, number | null>();
  const rows: Row[] = sorted.map((c) => {
    const from = last.has(c.key) ? (last.get(c.key) ?? null) : c.readValue;
    last.set(c.key, c.value);
    return { ...c, label: labels.get(c.key) ?? c.key, from };
  });
  return (
    <Table<Row>
      aria-label="更正记录"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '没有更正' }}
      columns={[
        { title: '单元格', dataIndex: 'label', ellipsis: true },
        { title: '原值', dataIndex: 'from', width: 80, render: (v: number | null) => shownValue(v) },
        { title: '更正为', dataIndex: 'value', width: 80, render: (v: number | null) => shownValue(v) },
        { title: '理由', dataIndex: 'reason', ellipsis: true },
        { title: '更正人', dataIndex: 'correctedBy', width: 100 },
        { title: '时间', dataIndex: 'correctedAt', width: 150, render: (t: string) => formatTime(t) },
      ]}
    />
  );
}
