// 依申请公开台账: search, filters and server-side pages of the register; a row opens its case.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { get, qs } from '../api.ts';
import { ErrorAlert } from '../components/register/ErrorAlert.tsx';
import { optionsOf, outcomeOptions, useVocabulary } from '../components/register/vocabulary.ts';
import { dueStatus, formatDay } from '../format.ts';
import { useWorkspace } from '../workspace.tsx';

export interface ApplicationItem {
  id: number;
  agencyId: number;
  reference: string | null;
  applicantKind: string;
  applicantName: string;
  content: string;
  receivedOn: string;
  state: string;
  stateName: string;
  outcome: string | null;
  outcomeLabel: string | null;
  closedOn: string | null;
}

interface DueEntry {
  id: number;
  due: string | null;
  overdue: boolean;
  overdueDays: number;
  daysLeft: number;
}

const STATE_COLORS: Record<string, string> = {
  received: 'blue',
  awaiting_correction: 'orange',
  consulting: 'purple',
  awaiting_fee: 'gold',
  closed: 'default',
};

const PAGE_SIZE = 20;

export default function ApplicationsPage() {
  const navigate = useNavigate();
  const { agencyId, agencies, year: workspaceYear } = useWorkspace();
  const vocabulary = useVocabulary().data;
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? '',
    year: params.has('year') ? params.get('year') || undefined : String(workspaceYear),
    state: params.get('state') ?? undefined,
    kind: params.get('kind') ?? undefined,
    outcome: params.get('outcome') ?? undefined,
    open: params.get('open') === '1',
    departments: params.get('departments') === '1',
    page: Number(params.get('page') ?? '1') || 1,
  };
  const [search, setSearch] = useState(filter.q);
  const change = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const scope = { agency: agencyId, departments: filter.departments ? 1 : undefined };
  const query = qs({
    ...scope,
    q: filter.q,
    year: filter.year,
    state: filter.state,
    kind: filter.kind,
    outcome: filter.outcome,
    open: filter.open ? 1 : undefined,
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  });
  const list = useQuery({
    queryKey: ['applications', query],
    queryFn: () => get<{ total: number; totalExact?: boolean; items: ApplicationItem[] }>(`/applications${query}`),
    enabled: agencyId !== undefined,
    placeholderData: keepPreviousData,
  });
  // Deadlines of the open cases (the due list reaches 60 working days ahead: every running clock).
  const due = useQuery({
    queryKey: ['due-all', scope.agency, scope.departments],
    queryFn: () => get<{ items: DueEntry[] }>(`/due${qs({ ...scope, days: 60 })}`),
    enabled: agencyId !== undefined,
  });
  const dueById = useMemo(() => new Map((due.data?.items ?? []).map((d) => [d.id, d])), [due.data]);
  // A large register counts only so far (totalExact false): let the pages run on while they are full.
  const exact = list.data?.totalExact !== false;
  const full = (list.data?.items.length ?? 0) === PAGE_SIZE;
  const pageTotal = exact ? (list.data?.total ?? 0) : Math.max(list.data?.total ?? 0, filter.page * PAGE_SIZE + (full ? 1 : 0));
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const hasDepartments = agencies.some((a) => a.parentId === agencyId);
  const agencyName = (id: number) => agencies.find((a) => a.id === id)?.name ?? '';

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          依申请公开台账
        </Typography.Title>
        <Button type="primary" onClick={() => navigate('/applications/new')}>
          登记申请
        </Button>
      </Space>
      <Space wrap size={[12, 8]} role="search" aria-label="查询条件">
        <Input.Search
          aria-label="搜索编号、申请人或申请内容"
          placeholder="编号、申请人、申请内容"
          allowClear
          style={{ width: 260 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => change({ q: value.trim() || undefined })}
        />
        <Select
          aria-label="年度"
          style={{ width: 110 }}
          value={filter.year ?? ''}
          onChange={(value: string) => change({ year: value })}
          options={[{ value: '', label: '全部年度' }, ...years.map((y) => ({ value: String(y), label: `${y}年` }))]}
        />
        <Select
          aria-label="状态"
          style={{ width: 170 }}
          allowClear
          placeholder="全部状态"
          value={filter.state}
          onChange={(value?: string) => change({ state: value })}
          options={optionsOf(vocabulary?.states)}
        />
        <Select
          aria-label="申请人类型"
          style={{ width: 190 }}
          allowClear
          placeholder="全部申请人类型"
          value={filter.kind}
          onChange={(value?: string) => change({ kind: value })}
          options={optionsOf(vocabulary?.applicantKinds)}
        />
        <Select
          aria-label="办理结果"
          style={{ width: 260 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部办理结果"
          value={filter.outcome}
          onChange={(value?: string) => change({ outcome: value })}
          options={outcomeOptions(vocabulary?.outcomes ?? [])}
        />
        <Checkbox checked={filter.open} onChange={(e) => change({ open: e.target.checked ? '1' : undefined })}>
          仅未办结
        </Checkbox>
        {hasDepartments && (
          <Checkbox checked={filter.departments} onChange={(e) => change({ departments: e.target.checked ? '1' : undefined })}>
            含下属部门
          </Checkbox>
        )}
      </Space>
      <ErrorAlert error={list.error} title="无法加载台账" />
      <Table<ApplicationItem>
        aria-label="申请列表"
        size="small"
        rowKey="id"
        tableLayout="fixed"
        scroll={{ x: 1000 }}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的申请' }}
        onRow={(item) => ({ onClick: () => navigate(`/applications/${item.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: filter.page,
          pageSize: PAGE_SIZE,
          total: pageTotal,
          showSizeChanger: false,
          showTotal: () => (exact ? `共${list.data?.total ?? 0}件` : `超过${list.data?.total ?? 0}件`),
          onChange: (page) => change({ page: String(page) }),
        }}
        columns={[
          {
            title: '编号',
            dataIndex: 'reference',
            width: 120,
            ellipsis: true,
            render: (ref: string | null, item) => (
              <Link to={`/applications/${item.id}`} onClick={(e) => e.stopPropagation()}>
                {ref || `#${item.id}`}
              </Link>
            ),
          },
          {
            title: '申请人',
            dataIndex: 'applicantName',
            width: 150,
            ellipsis: true,
            render: (name: string, item) => <span title={vocabulary?.applicantKinds[item.applicantKind]}>{name}</span>,
          },
          ...(filter.departments
            ? [{ title: '机关', key: 'agency', width: 130, ellipsis: true, render: (_: unknown, item: ApplicationItem) => agencyName(item.agencyId) }]
            : []),
          { title: '申请内容', dataIndex: 'content', ellipsis: true },
          { title: '收到日期', dataIndex: 'receivedOn', width: 132, render: (day: string) => formatDay(day) },
          {
            title: '状态',
            dataIndex: 'stateName',
            width: 150,
            render: (name: string, item) => <Tag color={STATE_COLORS[item.state]}>{name}</Tag>,
          },
          {
            title: '答复期限',
            key: 'due',
            width: 140,
            render: (_, item) => {
              if (item.closedOn)
                return (
                  <Typography.Text type="secondary">
                    <div>{formatDay(item.closedOn)}</div>
                    <div style={{ fontSize: 12 }}>办结</div>
                  </Typography.Text>
                );
              const d = dueById.get(item.id);
              if (!d) return <Typography.Text type="secondary">{item.state === 'received' ? '' : '暂停计算'}</Typography.Text>;
              const status = dueStatus(d);
              return (
                <>
                  <div>{formatDay(d.due)}</div>
                  <Tag color={status.color}>{status.text}</Tag>
                </>
              );
            },
          },
          ...(filter.open
            ? []
            : [{ title: '结果', dataIndex: 'outcomeLabel', width: 180, ellipsis: true, render: (label: string | null) => label ?? '' }]),
        ]}
      />
    </Space>
  );
}
