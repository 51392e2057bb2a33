// 申请详情: particulars and explained deadline, the steps valid now, the timeline, letters,
// attachments and the audit trail of one application.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Result, Row, Space, Spin, Tabs, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, get } from '../api.ts';
import { CaseActions } from '../components/case/CaseActions.tsx';
import { CaseAttachments } from '../components/case/CaseAttachments.tsx';
import { CaseAudit } from '../components/case/CaseAudit.tsx';
import { CaseHeader } from '../components/case/CaseHeader.tsx';
import { CaseLetters } from '../components/case/CaseLetters.tsx';
import { CaseTimeline } from '../components/case/CaseTimeline.tsx';
import type { CaseDetail } from '../components/case/types.ts';
import { ErrorAlert } from '../components/register/ErrorAlert.tsx';
import { useWorkspace } from '../workspace.tsx';

export default function CasePage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { agencies } = useWorkspace();
  const detail = useQuery({
    queryKey: ['application', id],
    queryFn: () => get<CaseDetail>(`/applications/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="申请编号无效" extra={<Link to="/applications">回到台账</Link>} />;
  if (detail.error) {
    const status = detail.error instanceof ApiError ? detail.error.status : 0;
    if (status === 404 || status === 403)
      return (
        <Result
          status={status === 404 ? '404' : '403'}
          title={status === 404 ? '找不到该申请' : '无权查看该申请'}
          subTitle={detail.error.message}
          extra={<Link to="/applications">回到台账</Link>}
        />
      );
    return <ErrorAlert error={detail.error} title="无法加载申请" />;
  }
  if (!detail.data) return <Spin />;
  const d = detail.data;
  const a = d.application;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          申请 {a.reference || `#${a.id}`}
        </Typography.Title>
        <Button onClick={() => navigate('/applications')}>返回台账</Button>
      </Space>
      <CaseHeader detail={d} agencyName={agencies.find((x) => x.id === a.agencyId)?.name ?? ''} />
      {a.state !== 'closed' && (
        <Card size="small" title="办理">
          <CaseActions detail={d} />
        </Card>
      )}
      <Row gutter={12}>
        <Col span={8}>
          <Card size="small" title="办理过程">
            <CaseTimeline events={d.events} />
          </Card>
        </Col>
        <Col span={16}>
          <Card size="small">
            <Tabs
              items={[
                { key: 'letters', label: '文书', children: <CaseLetters applicationId={a.id} /> },
                { key: 'attachments', label: '附件', children: <CaseAttachments applicationId={a.id} /> },
                { key: 'audit', label: '操作记录', children: <CaseAudit applicationId={a.id} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
