// 主动公开: table 二's figures of the year, entered in the standard's layout (labels from the
// server's format), with last year's beside them; refused once the year is published.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, InputNumber, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, get } from '../api.ts';
import { useFormat } from '../components/report/format.tsx';
import { StandardTable } from '../components/report/StandardTable.tsx';
import { useMe } from '../session.tsx';
import { useWorkspace } from '../workspace.tsx';

type Values = Record<string, number | null>;

export default function ProactivePage() {
  const me = useMe();
  const readOnly = me.user.role === 'reviewer';
  const { agencyId, agencies, year } = useWorkspace();
  const client = useQueryClient();
  const { message } = App.useApp();
  const format = useFormat();
  const key = ['proactive', agencyId, year];
  const current = useQuery({
    queryKey: key,
    enabled: agencyId !== undefined,
    queryFn: () => get<{ values: Values }>(`/agencies/${agencyId}/proactive/${year}`),
  });
  const last = useQuery({
    queryKey: ['proactive', agencyId, year - 1],
    enabled: agencyId !== undefined,
    queryFn: () => get<{ values: Values }>(`/agencies/${agencyId}/proactive/${year - 1}`),
  });
  const [draft, setDraft] = useState<Values>({});
  const [error, setError] = useState<{ message: string; locked: boolean }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setDraft(current.data?.values ?? {});
    setError(undefined);
  }, [current.data]);

  if (agencyId === undefined) return <Alert type="info" showIcon title="请先在页首选择机关" />;
  if (format.error || current.error)
    return <Alert type="error" showIcon title="无法载入主动公开数据" description={(format.error ?? current.error)?.message} />;
  const table = format.data?.tables.find((t) => t.id === 'a');
  if (!table || !current.data) return <Spin />;
  const labels = Object.fromEntries(table.cells.map((c) => [c.key, c]));
  const dirty = table.cells.some((c) => (draft[c.key] ?? null) !== (current.data.values[c.key] ?? null));

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      // Only the figures changed, so the audit trail names what was changed.
      const values = Object.fromEntries(
        Object.entries(draft).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] !== (current.data.values[e[0]] ?? null)),
      );
      await api('PUT', `/agencies/${agencyId}/proactive/${year}`, { values });
      message.success(`${year}年主动公开数据已保存`);
      await client.invalidateQueries({ queryKey: key });
      await client.invalidateQueries({ queryKey: ['report-workspace', agencyId, year] });
    } catch (e) {
      setError({ message: (e as Error).message, locked: e instanceof ApiError && e.status === 423 });
    } finally {
      setSaving(false);
    }
  };

  const cell = (k: string) => (
    <Flex vertical align="flex-end" gap={2}>
      <InputNumber
        aria-label={labels[k]?.label ?? k}
        size="small"
        min={0}
        step={labels[k]?.kind === 'amount' ? 0.01 : 1}
        precision={labels[k]?.kind === 'amount' ? undefined : 0}
        value={draft[k] ?? null}
        disabled={readOnly}
        onChange={(v) => setDraft((d) => ({ ...d, [k]: typeof v === 'number' ? v : null }))}
        style={{ width: '100%', maxWidth: 160 }}
      />
      {last.data && (
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          上年{last.data.values[k] ?? '—'}
        </Typography.Text>
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {table.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {agencies.find((a) => a.id === agencyId)?.name} · {year}年
        </Typography.Text>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        按《中华人民共和国政府信息公开条例》第二十条填写本年度主动公开的情况；这些数字进入年度报告的表二。
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon title={error.locked ? `${year}年度已发布（已锁定），不能修改` : '保存失败'} description={error.message} />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <StandardTable table={table} cell={cell} />
        <Flex gap={8} style={{ marginTop: 12 }} hidden={readOnly}>
          <Button type="primary" htmlType="submit" loading={saving} disabled={!dirty}>
            保存
          </Button>
          <Button onClick={() => setDraft(current.data.values)} disabled={!dirty}>
            撤销修改
          </Button>
        </Flex>
      </form>
    </Flex>
  );
}
