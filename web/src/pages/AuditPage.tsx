// 操作记录: the audit trail — the whole register's for the system administrator (filtered by
// who, table and date), and any application's trail for whoever may read the application.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { get, qs } from '../api.ts';
import { type AuditItem, AuditTable } from '../components/admin/AuditTable.tsx';
import { useMe } from '../session.tsx';

const ACTION_PREFIX = /^(新增|修改|删除)/;

function ApplicationTrail({ id }: { id: number }) {
  const trail = useQuery({ queryKey: ['audit-application', id], queryFn: () => get<{ items: AuditItem[] }>(`/applications/${id}/audit`) });
  if (trail.error) return <Alert type="error" showIcon title={`无法查看申请 ${id} 的操作记录`} description={trail.error.message} />;
  return <AuditTable items={trail.data?.items} loading={trail.isPending} />;
}

function WholeTrail() {
  const [params, setParams] = useSearchParams();
  const table = params.get('table') ?? undefined;
  const row = params.get('row') ?? undefined;
  const [limit, setLimit] = useState(200);
  const [who, setWho] = useState('');
  // The name is asked of the server once typing pauses, not on every keystroke.
  const [actor, setActor] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setActor(who.trim()), 300);
    return () => clearTimeout(timer);
  }, [who]);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  // Every filter is applied by the server, so the latest entries shown are the latest that match.
  const trail = useQuery({
    queryKey: ['audit', table, row, actor, from, to, limit],
    queryFn: () => get<{ items: AuditItem[] }>(`/audit${qs({ table, row, actor: actor || undefined, from, to, limit })}`),
    placeholderData: keepPreviousData,
  });
  // The tables named by the entries fetched, with the words the server describes them in.
  const tables = useMemo(() => {
    const seen = new Map<string, string>();
    for (const e of trail.data?.items ?? []) if (!seen.has(e.table)) seen.set(e.table, e.what.replace(ACTION_PREFIX, ''));
    if (table && !seen.has(table)) seen.set(table, table);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [trail.data, table]);
  const items = trail.data?.items;
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next))
      if (v) p.set(k, v);
      else p.delete(k);
    setParams(p);
  };
  if (trail.error) return <Alert type="error" showIcon title="无法查看全部操作记录" description={trail.error.message} />;
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} wrap align="center">
        <label htmlFor="gk-audit-who">操作人</label>
        <Input id="gk-audit-who" allowClear style={{ width: 140 }} value={who} onChange={(e) => setWho(e.target.value)} />
        <label htmlFor="gk-audit-table">数据表</label>
        <Select
          id="gk-audit-table"
          allowClear
          style={{ width: 170 }}
          value={table}
          options={tables}
          onChange={(v?: string) => set({ table: v, row: undefined })}
          placeholder="全部"
        />
        <label htmlFor="gk-audit-date">日期</label>
        <DatePicker.RangePicker id={{ start: 'gk-audit-date' }} value={range} onChange={(v) => setRange(v)} />
        <label htmlFor="gk-audit-limit">最近</label>
        <Select
          id="gk-audit-limit"
          style={{ width: 100 }}
          value={limit}
          onChange={setLimit}
          options={[100, 200, 500, 1000].map((n) => ({ value: n, label: `${n}条` }))}
        />
      </Flex>
      {row && (
        <Alert
          type="info"
          showIcon
          title={`正在查看「${tables.find((t) => t.value === table)?.label ?? table}」第 ${row} 条记录的全部操作`}
          action={
            <Button size="small" onClick={() => set({ row: undefined })}>
              查看全部
            </Button>
          }
        />
      )}
      <AuditTable items={items} loading={trail.isFetching} onRecord={(t, r) => set({ table: t, row: r })} />
    </Flex>
  );
}

export default function AuditPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const application = Number(params.get('application')) || undefined;
  const [lookup, setLookup] = useState<number | null>(application ?? null);
  const systemAdmin = me.user.role === 'admin' && me.user.agencyId === null;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        操作记录
      </Typography.Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const p = new URLSearchParams();
          if (lookup) p.set('application', String(lookup));
          setParams(p);
        }}
      >
        <Flex gap={8} align="center">
          <label htmlFor="gk-audit-application">申请内部编号</label>
          <InputNumber id="gk-audit-application" min={1} precision={0} value={lookup} onChange={setLookup} style={{ width: 140 }} />
          <Button htmlType="submit">查看该申请的记录</Button>
          {application && <Button onClick={() => setParams(new URLSearchParams())}>{systemAdmin ? '返回全部记录' : '清除'}</Button>}
        </Flex>
      </form>
      {application ? (
        <>
          <Typography.Text strong>申请 {application} 的操作记录（申请及其办理环节）</Typography.Text>
          <ApplicationTrail id={application} />
        </>
      ) : systemAdmin ? (
        <WholeTrail />
      ) : (
        <Alert type="info" showIcon title="全部操作记录只有系统管理员可以查看；请输入申请的内部编号查看该申请的操作记录。" />
      )}
    </Flex>
  );
}
