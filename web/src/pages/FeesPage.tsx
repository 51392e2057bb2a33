// 信息处理费: the year's fee notices and payments (GET /api/fees), with totals.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Checkbox, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, get, qs } from '../api.ts';
import { ErrorAlert, errorText } from '../components/register/ErrorAlert.tsx';
import { formatDay, formatYuan } from '../format.ts';
import { useWorkspace } from '../workspace.tsx';

interface FeeItem {
  applicationId: number;
  reference: string | null;
  applicant: string;
  noticeOn: string;
  amount: number | null;
  method: string | null;
  paidOn: string | null;
  lapsedOn: string | null;
  state: string;
}

interface Fees {
  items: FeeItem[];
  total: { notices: number; paid: number; amountPaid: number };
}

const METHODS: Record<string, string> = { by_count: '按件', by_pages: '按量' };

function feeState(item: FeeItem): { text: string; color: string } {
  if (item.paidOn) return { text: `${formatDay(item.paidOn)}已缴`, color: 'green' };
  if (item.lapsedOn) return { text: `${formatDay(item.lapsedOn)}逾期未缴`, color: 'red' };
  return { text: '待缴费', color: 'gold' };
}

export default function FeesPage() {
  const { agencyId, agencies, year } = useWorkspace();
  const [departments, setDepartments] = useState(false);
  const fees = useQuery({
    queryKey: ['fees', agencyId, year, departments],
    queryFn: () => get<Fees>(`/fees${qs({ agency: agencyId, year, departments: departments ? 1 : undefined })}`),
    enabled: agencyId !== undefined,
  });
  const hasDepartments = agencies.some((a) => a.parentId === agencyId);
  const missing = fees.error instanceof ApiError && fees.error.status === 404 && /没有这个地址/.test(fees.error.message);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          信息处理费 <Typography.Text type="secondary">{year}年</Typography.Text>
        </Typography.Title>
        {hasDepartments && (
          <Checkbox checked={departments} onChange={(e) => setDepartments(e.target.checked)}>
            含下属部门
          </Checkbox>
        )}
      </Space>
      {missing ? (
        <Alert type="info" showIcon title="收费台账尚未开通" description={errorText(fees.error)} />
      ) : (
        <ErrorAlert error={fees.error} title="无法加载收费台账" />
      )}
      {fees.data && (
        <>
          <Row gutter={12}>
            <Col span={8}>
              <Card size="small">
                <Statistic title="发出收费通知（件）" value={fees.data.total.notices} />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small">
                <Statistic title="已缴费（件）" value={fees.data.total.paid} />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small">
                <Statistic title="实收金额（元）" value={fees.data.total.amountPaid} precision={2} prefix="¥" />
              </Card>
            </Col>
          </Row>
          <Table<FeeItem>
            aria-label="收费通知和缴费"
            size="small"
            rowKey={(f) => `${f.applicationId}-${f.noticeOn}`}
            dataSource={fees.data.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: '本年没有收费通知' }}
            columns={[
              {
                title: '编号',
                dataIndex: 'reference',
                width: 140,
                render: (ref: string | null, f) => <Link to={`/applications/${f.applicationId}`}>{ref || `#${f.applicationId}`}</Link>,
              },
              { title: '申请人', dataIndex: 'applicant' },
              { title: '通知日期', dataIndex: 'noticeOn', width: 130, render: (d: string) => formatDay(d) },
              { title: '计费方式', dataIndex: 'method', width: 90, render: (m: string | null) => (m ? (METHODS[m] ?? m) : '') },
              { title: '金额', dataIndex: 'amount', width: 120, align: 'right', render: (n: number | null) => formatYuan(n) },
              {
                title: '缴费情况',
                key: 'state',
                width: 180,
                render: (_, f) => {
                  const s = feeState(f);
                  return <Tag color={s.color}>{s.text}</Tag>;
                },
              },
            ]}
          />
          <Typography.Paragraph type="secondary">
            依《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》计收；年度报告第六部分须说明本年收取信息处理费的情况。
          </Typography.Paragraph>
        </>
      )}
    </Space>
  );
}
