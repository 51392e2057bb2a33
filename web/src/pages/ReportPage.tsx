// 年度报告: the year's report computed from the register beside last year's, the six sections
// edited in place, the checks' findings, preview, export, and publishing (locking the year).
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Col, Flex, Row, Spin, Switch, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { FindingsPanel } from '../components/report/FindingsPanel.tsx';
import { useFormat } from '../components/report/format.tsx';
import { ReportActions } from '../components/report/ReportActions.tsx';
import { ReportPreview } from '../components/report/ReportPreview.tsx';
import { ComparedTable } from '../components/report/ReportTables.tsx';
import { SectionEditor } from '../components/report/SectionEditor.tsx';
import { useReportWorkspace } from '../components/report/workspace.tsx';
import { useMe } from '../session.tsx';
import { useWorkspace } from '../workspace.tsx';

export default function ReportPage() {
  const me = useMe();
  const { agencies, agencyId, year } = useWorkspace();
  const client = useQueryClient();
  const [departments, setDepartments] = useState(false);
  const [selected, setSelected] = useState<number>();
  const [lockedHere, setLockedHere] = useState(false);
  const [version, setVersion] = useState(0);
  const format = useFormat();
  const workspace = useReportWorkspace(agencyId, year, departments, format.data);
  const data = workspace.data;
  const findings = useMemo(() => data?.report.findings ?? [], [data]);
  const highlighted = useMemo(() => new Set(selected === undefined ? [] : (findings[selected]?.keys ?? [])), [findings, selected]);

  useEffect(() => {
    setSelected(undefined);
    setLockedHere(false);
  }, [agencyId, year, departments]);
  useEffect(() => {
    const first = [...highlighted][0];
    if (first) document.querySelector(`[data-key="${CSS.escape(first)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [highlighted]);

  if (agencyId === undefined) return <Alert type="info" showIcon title="请先在页首选择机关" />;
  if (format.error || workspace.error)
    return <Alert type="error" showIcon title="无法载入年度报告" description={(format.error ?? workspace.error)?.message} />;
  if (!format.data || !data) return <Spin />;

  const agencyName = data.agency.name || agencies.find((a) => a.id === agencyId)?.name || '';
  const locked = data.locked === true || lockedHere;
  const readOnly = me.user.role === 'reviewer';
  const disabledReason = locked ? '已发布（已锁定），不能修改' : readOnly ? '审阅人只能查看' : undefined;
  const refresh = async () => {
    setSelected(undefined);
    setVersion((v) => v + 1);
    await client.invalidateQueries({ queryKey: ['report-workspace', agencyId, year] });
  };
  const save = async (section: number, text: string) => {
    try {
      await api('PUT', `/agencies/${agencyId}/texts/${year}/${section}`, { text });
    } catch (e) {
      if (e instanceof ApiError && e.status === 423) setLockedHere(true);
      throw e;
    } finally {
      await refresh();
    }
  };
  const tables = format.data.tables;

  const editor = (
    <Row gutter={16} wrap={false}>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {data.sections.map((s) => {
          // A table stands under the section whose heading is its title (二 to 四).
          const table = tables.find((t) => t.title === s.heading);
          return (
            <section key={s.number} aria-labelledby={`gk-h-${s.number}`} style={{ marginBottom: 20 }}>
              <Typography.Title level={4} id={`gk-h-${s.number}`} style={{ fontSize: 16, margin: '0 0 6px' }}>
                {s.heading}
              </Typography.Title>
              <SectionEditor
                key={`${agencyId}-${year}-${departments}-${s.number}`}
                section={s}
                disabledReason={disabledReason}
                onSave={(text) => save(s.number, text)}
              />
              {table && (
                <div style={{ marginTop: 8 }}>
                  <ComparedTable table={table} report={data.report} lastYear={data.lastYear} highlighted={highlighted} />
                </div>
              )}
            </section>
          );
        })}
      </Col>
      <Col flex="320px">
        <div style={{ position: 'sticky', top: 8, maxHeight: 'calc(100vh - 90px)', overflowY: 'auto' }}>
          <nav aria-label="报告目录" style={{ marginBottom: 12, fontSize: 13 }}>
            {data.sections.map((s) => (
              <a
                key={s.number}
                href={`#gk-h-${s.number}`}
                style={{ display: 'block', padding: '1px 0' }}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(`gk-h-${s.number}`)?.scrollIntoView({ behavior: 'smooth' });
                }}
              >
                {s.heading}
              </a>
            ))}
          </nav>
          <FindingsPanel findings={findings} selected={selected} onSelect={setSelected} refreshing={workspace.isFetching} />
        </div>
      </Col>
    </Row>
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {year}年政府信息公开工作年度报告
          </Typography.Title>
          <Typography.Text type="secondary">{agencyName}</Typography.Text>
          {locked ? <Tag color="green">已发布（已锁定）</Tag> : <Tag color="blue">编辑中</Tag>}
        </Flex>
        <Flex align="center" gap={12} wrap>
          <Flex align="center" gap={6}>
            <Switch id="gk-departments" size="small" checked={departments} onChange={setDepartments} />
            <label htmlFor="gk-departments">含下属部门</label>
          </Flex>
          <ReportActions
            agencyId={agencyId}
            agencyName={agencyName}
            year={year}
            departments={departments}
            locked={locked}
            mayPublish={me.user.role === 'approver' || me.user.role === 'admin'}
            onPublished={() => {
              setLockedHere(true);
              void refresh();
            }}
          />
        </Flex>
      </Flex>
      {locked && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={`${year}年度报告已发布（已锁定）`}
          description="该年度的表格和正文不再接受修改；台账中影响该年度报告的改动也会被拒绝。"
        />
      )}
      {!data.lastYear && <Alert type="info" showIcon title={`没有${year - 1}年度的台账数据，表格不显示上年对比`} />}
      <Tabs
        destroyOnHidden
        items={[
          { key: 'edit', label: '表格与正文', children: editor },
          { key: 'preview', label: '预览', children: <ReportPreview agencyId={agencyId} year={year} departments={departments} version={version} /> },
        ]}
      />
    </Flex>
  );
}
