// The report's three tables as cells: the standard's labels, the value as read (its raw text) and
// the value in effect, 「已更正」 where a reviewer corrected it; choosing a cell selects it, and
// each can be corrected.
import { Badge, Button, Table, Tabs, Tag, Typography } from 'antd';
import { type HTMLAttributes, type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { shownValue } from './common.tsx';
import type { CellView } from './types.ts';

interface Props {
  cells: CellView[];
  selectedKeys: readonly string[];
  /** Keys of cells some present finding names. */
  flagged: ReadonlySet<string>;
  onSelect: (key: string) => void;
  onCorrect: (cell: CellView) => void;
}

export function CellsPanel({ cells, selectedKeys, flagged, onSelect, onCorrect }: Props) {
  const groups = useMemo(() => {
    const out = new Map<string, CellView[]>();
    for (const c of cells) out.set(c.table, [...(out.get(c.table) ?? []), c]);
    return [...out.entries()];
  }, [cells]);
  const selected = useMemo(() => new Set(selectedKeys), [selectedKeys]);
  const [tab, setTab] = useState<string>();
  // The table of the selection comes forward, and its first cell into view.
  const firstTable = cells.find((c) => c.key === selectedKeys[0])?.table;
  useEffect(() => {
    if (firstTable) setTab(firstTable);
  }, [firstTable, selectedKeys]);
  useEffect(() => {
    const first = selectedKeys[0];
    if (!first) return;
    // After the tab's pane has been laid out.
    const timer = setTimeout(() => document.querySelector(`tr[data-key="${CSS.escape(first)}"]`)?.scrollIntoView({ block: 'nearest' }), 80);
    return () => clearTimeout(timer);
  }, [selectedKeys, tab]);
  if (cells.length === 0) return <Typography.Text type="secondary">未读取到表格数据</Typography.Text>;
  return (
    <Tabs
      size="small"
      activeKey={tab ?? groups[0]?.[0]}
      onChange={setTab}
      items={groups.map(([table, list]) => ({
        key: table,
        label: (
          <span title={table}>
            {table.replace(/（.*$/, '')}
            {list.some((c) => flagged.has(c.key)) && (
              <Badge count={list.filter((c) => flagged.has(c.key)).length} size="small" title="有问题的单元格" style={{ marginLeft: 4 }} />
            )}
          </span>
        ),
        children: (
          <Table<CellView>
            aria-label={`${table}的单元格`}
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ y: 420 }}
            dataSource={list}
            onRow={(c) =>
              ({
                'data-key': c.key,
                'aria-selected': selected.has(c.key),
                onClick: () => onSelect(c.key),
                // Keyboard too: Tab to a row, Enter chooses it.
                tabIndex: 0,
                onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
                  if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
                    e.preventDefault();
                    onSelect(c.key);
                  }
                },
                style: {
                  cursor: 'pointer',
                  background: selected.has(c.key) ? '#fff1f0' : flagged.has(c.key) ? '#fffbe6' : undefined,
                  outline: selected.has(c.key) ? '2px solid #f5222d' : undefined,
                  outlineOffset: -2,
                },
              }) as HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: '行', dataIndex: 'row' },
              { title: '列', dataIndex: 'column', width: 96 },
              {
                title: '读取值',
                key: 'read',
                width: 64,
                render: (_, c) => (
                  <span title={c.read ? `原文：${c.read.raw || '（空白）'}` : '原文中未找到'}>{c.read ? c.read.raw || '（空白）' : '未找到'}</span>
                ),
              },
              {
                title: '现值',
                key: 'value',
                width: 110,
                render: (_, c) => (
                  <span data-testid={`value-${c.key}`}>
                    {shownValue(c.value)}
                    {c.corrected && (
                      <Tag color="blue" style={{ marginLeft: 4 }}>
                        已更正
                      </Tag>
                    )}
                  </span>
                ),
              },
              {
                title: '',
                key: 'correct',
                width: 64,
                render: (_, c) => (
                  <Button
                    size="small"
                    type="link"
                    aria-label={`更正${c.table}「${c.row}」「${c.column}」`}
                    onClick={(e) => {
                      e.stopPropagation();
                      onCorrect(c);
                    }}
                  >
                    更正
                  </Button>
                ),
              },
            ]}
          />
        ),
      }))}
    />
  );
}
