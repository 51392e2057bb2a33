// One of the report's six sections, edited in place beside last year's text.
import { Alert, Button, Col, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import type { WorkspaceSection } from './workspace.tsx';

interface Props {
  section: WorkspaceSection;
  /** Why the text cannot be edited (the year is published, the user only reads), or undefined. */
  disabledReason?: string;
  /** Saves the text; rejects with the server's refusal. */
  onSave: (text: string) => Promise<void>;
}

export function SectionEditor({ section, disabledReason, onSave }: Props) {
  const locked = disabledReason !== undefined;
  const [draft, setDraft] = useState(section.text);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const dirty = draft !== section.text;
  const id = `gk-section-${section.number}`;
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await onSave(draft);
      setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div>
      <Row gutter={12}>
        <Col span={14}>
          <label htmlFor={id} style={{ display: 'block', fontSize: 12, color: '#595959', marginBottom: 2 }}>
            本年正文（{section.heading}）
          </label>
          <Input.TextArea
            id={id}
            value={draft}
            disabled={locked}
            autoSize={{ minRows: 3, maxRows: 14 }}
            onChange={(e) => {
              setDraft(e.target.value);
              setSaved(false);
            }}
            onKeyDown={(e) => {
              if ((e.ctrlKey || e.metaKey) && e.key === 's') {
                e.preventDefault();
                if (dirty && !locked) void save();
              }
            }}
          />
          <div style={{ marginTop: 4, display: 'flex', gap: 8, alignItems: 'center' }}>
            <Button size="small" type="primary" onClick={save} loading={saving} disabled={locked || !dirty} aria-label={`保存${section.heading}`}>
              保存
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {locked ? disabledReason : dirty ? '有未保存的修改（Ctrl+S 保存）' : saved ? '已保存' : `${draft.length}字`}
            </Typography.Text>
          </div>
        </Col>
        <Col span={10}>
          <div id={`${id}-last`} style={{ fontSize: 12, color: '#595959', marginBottom: 2 }}>
            上年正文（供参考）
          </div>
          <div
            aria-labelledby={`${id}-last`}
            style={{
              whiteSpace: 'pre-wrap',
              fontSize: 13,
              background: '#fafafa',
              border: '1px solid #f0f0f0',
              borderRadius: 4,
              padding: '4px 8px',
              maxHeight: 220,
              overflowY: 'auto',
              color: section.lastYearText ? undefined : '#bfbfbf',
            }}
          >
            {section.lastYearText || '上年没有这一部分的正文'}
          </div>
        </Col>
      </Row>
      {section.nearlySame && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 6 }}
          title={`本年正文与上年几乎相同（相似度${Math.round((section.similarity ?? 1) * 100)}%）`}
          description="照搬上年报告的内容会被通报批评，请按本年度的实际工作重新撰写。"
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginTop: 6 }} title={error} />}
    </div>
  );
}
