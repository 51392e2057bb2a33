// The case's particulars, its state and its explained deadline.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { get, qs } from '../../api.ts';
import { formatDay } from '../../format.ts';
import { DeadlineExplanation } from '../register/DeadlineExplanation.tsx';
import { useVocabulary } from '../register/vocabulary.ts';
import type { CaseDetail } from './types.ts';

interface DueEntry {
  id: number;
  overdue: boolean;
  overdueDays: number;
  daysLeft: number;
}

export function CaseHeader({ detail, agencyName }: { detail: CaseDetail; agencyName: string }) {
  const a = detail.application;
  const vocabulary = useVocabulary().data;
  // How many working days are left (or overdue): the due list knows, for a running clock.
  const due = useQuery({
    queryKey: ['due-all', a.agencyId, undefined],
    queryFn: () => get<{ items: DueEntry[] }>(`/due${qs({ agency: a.agencyId, days: 60 })}`),
    enabled: detail.deadline?.due != null,
  });
  const status = due.data?.items.find((d) => d.id === a.id);
  return (
    <Card size="small">
      <Row gutter={16}>
        <Col span={15}>
          <Descriptions size="small" column={2} styles={{ label: { width: 84 }, content: { minWidth: 140 } }}>
            <Descriptions.Item label="状态">
              <Tag color={a.state === 'closed' ? 'default' : 'blue'}>{a.stateName}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="受理机关">{agencyName}</Descriptions.Item>
            <Descriptions.Item label="申请人">{a.applicantName}</Descriptions.Item>
            <Descriptions.Item label="申请人类型">{vocabulary?.applicantKinds[a.applicantKind] ?? a.applicantKind}</Descriptions.Item>
            <Descriptions.Item label="联系方式">{a.applicantContact}</Descriptions.Item>
            <Descriptions.Item label="提交方式">{vocabulary?.channels[a.channel] ?? a.channel}</Descriptions.Item>
            <Descriptions.Item label="提交日期">{formatDay(a.submittedOn)}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{formatDay(a.receivedOn)}</Descriptions.Item>
            {a.closedOn && <Descriptions.Item label="办结日期">{formatDay(a.closedOn)}</Descriptions.Item>}
            {a.outcomeLabel && <Descriptions.Item label="办理结果">{a.outcomeLabel}</Descriptions.Item>}
            <Descriptions.Item label="申请内容" span={2}>
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{a.content}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        </Col>
        <Col span={9}>
          {a.state === 'awaiting_correction' && (
            <Alert type="info" showIcon style={{ marginBottom: 8 }} title="待补正：收到补正后的申请之日起重新计算答复期限（条例第三十条）" />
          )}
          {detail.deadline ? (
            <DeadlineExplanation deadline={detail.deadline} status={status} />
          ) : (
            <div aria-label="办结情况">
              <Typography.Text strong>已办结</Typography.Text>
              <div>
                于{formatDay(a.closedOn)}办结{a.outcomeLabel ? `，办理结果：${a.outcomeLabel}` : ''}。
              </div>
            </div>
          )}
        </Col>
      </Row>
    </Card>
  );
}
