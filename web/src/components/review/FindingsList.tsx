// A report's findings under review: severity, message, workflow status (or 「已不再出现」 when the
// checks no longer find it); choosing one selects its cells; 确认 and 排除 (with a note) move it on.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.ts';
import { errorText } from '../register/ErrorAlert.tsx';
import { IssueStatusTag, SEVERITY_TAGS } from './common.tsx';
import type { IssueView } from './types.ts';

interface Props {
  reportId: number;
  issues: IssueView[];
  selectedKeys: readonly string[];
  onSelect: (keys: string[]) => void;
}

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length > 0 && a.length === b.length && a.every((k, i) => k === b[i]);

export function FindingsList({ reportId, issues, selectedKeys, onSelect }: Props) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number>();
  const [error, setError] = useState<string>();
  const [dismissing, setDismissing] = useState<IssueView>();
  const [note, setNote] = useState('');
  // Present findings first (errors before warnings), those the checks no longer find last.
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...issues].sort((a, b) => Number(b.present) - Number(a.present) || order[a.severity] - order[b.severity] || a.id - b.id);
  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, issues.filter((i) => i.present && i.severity === s).length] as const);

  const transition = async (issue: IssueView, action: 'confirm' | 'dismiss' | 'reopen', text?: string) => {
    setBusy(issue.id);
    setError(undefined);
    try {
      await api<IssueView>('POST', `/review/issues/${issue.id}/transition`, { action, ...(text ? { note: text } : {}) });
      message.success(action === 'confirm' ? '已确认该问题' : action === 'dismiss' ? '已排除该问题' : '已重新打开该问题');
      await client.invalidateQueries({ queryKey: ['review-report', reportId] });
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="gk-review-findings">
      <Typography.Title level={5} id="gk-review-findings" style={{ marginTop: 0 }}>
        检查结果
      </Typography.Title>
      <div style={{ marginBottom: 8 }}>
        {counts.map(([s, n]) => (
          <Tag key={s} color={n > 0 ? SEVERITY_TAGS[s].color : undefined}>
            {SEVERITY_TAGS[s].label} {n}
          </Tag>
        ))}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} closable onClose={() => setError(undefined)} />}
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现问题" />
      ) : (
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="检查发现的问题">
          {sorted.map((issue) => {
            const chosen = sameKeys(issue.keys, selectedKeys);
            return (
              <li
                key={issue.id}
                data-issue={issue.id}
                style={{
                  marginBottom: 6,
                  padding: '6px 8px',
                  borderRadius: 4,
                  border: chosen ? '1px solid #fa541c' : '1px solid #f0f0f0',
                  background: chosen ? '#fff2e8' : '#fff',
                  opacity: issue.present ? 1 : 0.6,
                }}
              >
                <button
                  type="button"
                  aria-pressed={chosen}
                  onClick={() => onSelect(chosen ? [] : issue.keys)}
                  style={{
                    display: 'block',
                    width: '100%',
                    textAlign: 'left',
                    cursor: 'pointer',
                    font: 'inherit',
                    fontSize: 13,
                    padding: 0,
                    border: 0,
                    background: 'none',
                  }}
                >
                  <Tag color={SEVERITY_TAGS[issue.severity].color}>{SEVERITY_TAGS[issue.severity].label}</Tag>
                  <IssueStatusTag status={issue.status} />
                  {!issue.present && <Tag>已不再出现</Tag>}
                  <span style={{ textDecoration: issue.present ? undefined : 'line-through' }}>{issue.message}</span>
                  {issue.keys.length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      （{issue.keys.length}个单元格）
                    </Typography.Text>
                  )}
                </button>
                {issue.note && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    说明：{issue.note}
                  </Typography.Text>
                )}
                <Space size={4} style={{ marginTop: 4 }}>
                  {issue.status === 'open' && issue.present && (
                    <>
                      <Button
                        size="small"
                        type="primary"
                        loading={busy === issue.id}
                        onClick={() => void transition(issue, 'confirm')}
                        aria-label={`确认：${issue.message}`}
                      >
                        确认
                      </Button>
                      <Button
                        size="small"
                        disabled={busy === issue.id}
                        onClick={() => {
                          setNote('');
                          setDismissing(issue);
                        }}
                        aria-label={`排除：${issue.message}`}
                      >
                        排除
                      </Button>
                    </>
                  )}
                  {(issue.status === 'confirmed' || issue.status === 'dismissed') && (
                    <Button size="small" type="link" loading={busy === issue.id} onClick={() => void transition(issue, 'reopen')}>
                      重新打开
                    </Button>
                  )}
                </Space>
              </li>
            );
          })}
        </ol>
      )}
      <Modal
        open={dismissing !== undefined}
        title="排除该问题"
        okText="排除"
        cancelText="取消"
        okButtonProps={{ disabled: note.trim() === '', loading: busy !== undefined }}
        onCancel={() => setDismissing(undefined)}
        onOk={async () => {
          if (dismissing && (await transition(dismissing, 'dismiss', note.trim()))) setDismissing(undefined);
        }}
      >
        <Typography.Paragraph>{dismissing?.message}</Typography.Paragraph>
        <label htmlFor="gk-dismiss-note">排除理由（必填）</label>
        <Input.TextArea
          id="gk-dismiss-note"
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="例如：原文表格此处为合并单元格，数据无误"
        />
      </Modal>
    </section>
  );
}
