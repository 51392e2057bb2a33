// The checks' findings on the year's report; choosing one marks its cells in the tables.
import { Alert, Empty, Tag, Typography } from 'antd';
import { type Finding, SEVERITY } from './format.tsx';

interface Props {
  findings: Finding[];
  selected: number | undefined;
  onSelect: (index: number | undefined) => void;
  refreshing: boolean;
}

export function FindingsPanel({ findings, selected, onSelect, refreshing }: Props) {
  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, findings.filter((f) => f.severity === s).length] as const);
  return (
    <section aria-labelledby="gk-findings-title">
      <Typography.Title level={5} id="gk-findings-title" style={{ marginTop: 0 }}>
        检查结果 {refreshing && <Typography.Text type="secondary">（正在重新检查）</Typography.Text>}
      </Typography.Title>
      <div style={{ marginBottom: 8 }}>
        {counts.map(([s, n]) => (
          <Tag key={s} color={n > 0 ? SEVERITY[s].color : undefined}>
            {SEVERITY[s].label} {n}
          </Tag>
        ))}
      </div>
      {findings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现问题" />
      ) : (
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="检查发现的问题">
          {findings.map((f, i) => (
            <li key={i} style={{ marginBottom: 6 }}>
              <button
                type="button"
                aria-pressed={selected === i}
                onClick={() => onSelect(selected === i ? undefined : i)}
                style={{
                  display: 'block',
                  width: '100%',
                  textAlign: 'left',
                  cursor: 'pointer',
                  font: 'inherit',
                  fontSize: 13,
                  padding: '6px 8px',
                  borderRadius: 4,
                  border: selected === i ? '1px solid #fa541c' : '1px solid #f0f0f0',
                  background: selected === i ? '#fff2e8' : '#fff',
                }}
              >
                <Tag color={SEVERITY[f.severity].color} style={{ marginRight: 6 }}>
                  {SEVERITY[f.severity].label}
                </Tag>
                {f.message}
                {(f.expected !== undefined || f.actual !== undefined) && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {f.expected !== undefined && `应为 ${String(f.expected)}`}
                    {f.expected !== undefined && f.actual !== undefined && '，'}
                    {f.actual !== undefined && `实为 ${String(f.actual)}`}
                    {f.keys?.length ? `（${f.keys.length}个单元格）` : ''}
                  </Typography.Text>
                )}
              </button>
            </li>
          ))}
        </ol>
      )}
      {selected !== undefined && !findings[selected]?.keys?.length && (
        <Alert type="info" showIcon style={{ marginTop: 8 }} title="这一问题不涉及表格单元格" />
      )}
    </section>
  );
}
