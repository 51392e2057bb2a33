// 整改通知: the findings a reviewing office assigned to the user's agency for 整改 — the finding,
// the report it was found in, the due date — and the agency's written response, which sends it
// back for re-review (已反馈) and cannot be changed after.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Input, Segmented, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, get } from '../api.ts';
import { ErrorAlert, errorText } from '../components/register/ErrorAlert.tsx';
import type { RectificationItem } from '../components/review/analysis-types.ts';
import { SeverityTag, StatusTag } from '../components/review/issue-vocabulary.tsx';
import { formatDay, formatTime, todayCst } from '../format.ts';

function ResponseForm({ item }: { item: RectificationItem }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const submit = async () => {
    if (!text.trim()) {
      setFailure('请填写整改情况');
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await api('POST', `/rectification/${item.id}/response`, { response: text.trim() });
      message.success('整改情况已提交');
      await client.invalidateQueries({ queryKey: ['rectification'] });
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  const id = `gk-rectification-${item.id}`;
  return (
    <Flex vertical gap={6}>
      <label htmlFor={id}>整改情况</label>
      <Input.TextArea
        id={id}
        rows={4}
        maxLength={2000}
        showCount
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="说明问题原因、已采取的整改措施和结果，如：已更正年报表三数据并重新发布"
      />
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
      <div>
        <Button type="primary" loading={busy} onClick={submit}>
          提交整改情况
        </Button>
      </div>
    </Flex>
  );
}

function ItemCard({ item }: { item: RectificationItem }) {
  const report = item.report;
  const overdue = item.status === 'rectifying' && item.dueOn !== null && item.dueOn < todayCst();
  return (
    <Card
      size="small"
      role="article"
      aria-label={item.message}
      title={
        <Flex gap={8} align="center" wrap>
          <StatusTag status={item.status} />
          <span>
            {report.agency ?? ''}
            {report.year ? `${report.year}年政府信息公开工作年度报告` : (report.fileName ?? '')}
          </span>
        </Flex>
      }
      extra={
        item.dueOn && (
          <Tag color={overdue ? 'red' : 'blue'}>
            整改期限：{formatDay(item.dueOn)}
            {overdue ? '（已逾期）' : ''}
          </Tag>
        )
      }
    >
      <Flex vertical gap={8}>
        <div>
          <SeverityTag severity={item.severity} />
          {item.message}
        </div>
        {item.cellLabels.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            涉及：{item.cellLabels.join('；')}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          报告文件：{report.fileName}；问题类别：{item.ruleTitle}
        </Typography.Text>
        {item.requests
          .filter((r) => r.note)
          .map((r, i) => (
            <Typography.Text key={i}>
              <Typography.Text strong>
                {r.kind === 'assign' ? '整改要求' : '退回意见'}（{formatTime(r.at)}）：
              </Typography.Text>
              {r.note}
            </Typography.Text>
          ))}
        {item.status === 'rectifying' && item.response && (
          <Alert type="warning" showIcon title="上次提交的整改情况被退回，请补充后重新提交" description={item.response} />
        )}
        {item.status === 'rectifying' ? (
          <ResponseForm item={item} />
        ) : (
          <div>
            <Typography.Text strong>整改情况：</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{item.response}</Typography.Paragraph>
            {item.respondedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.respondedBy} 于 {formatTime(item.respondedAt)} 提交{item.status === 'archived' ? '，已通过复核' : '，等待复核'}
              </Typography.Text>
            )}
          </div>
        )}
      </Flex>
    </Card>
  );
}

type Filter = 'todo' | 'done' | 'all';

export default function RectificationPage() {
  const [filter, setFilter] = useState<Filter>('todo');
  const items = useQuery({ queryKey: ['rectification'], queryFn: () => get<RectificationItem[]>('/rectification') });
  const list = items.data ?? [];
  const todo = list.filter((i) => i.status === 'rectifying');
  const shown = filter === 'todo' ? todo : filter === 'done' ? list.filter((i) => i.status !== 'rectifying') : list;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          整改通知
        </Typography.Title>
        <Segmented<Filter>
          aria-label="范围"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'todo', label: `待整改（${todo.length}）` },
            { value: 'done', label: `已反馈（${list.length - todo.length}）` },
            { value: 'all', label: `全部（${list.length}）` },
          ]}
        />
      </Flex>
      <Typography.Text type="secondary">
        上级政务公开工作机构审查年度报告时发现、交由本机关整改的问题。请逐项整改并填写整改情况，提交后由审阅人复核。
      </Typography.Text>
      <ErrorAlert error={items.error} title="无法载入整改通知" />
      {items.isPending && <Spin />}
      {items.data && shown.length === 0 && <Empty description={filter === 'todo' ? '没有待整改的问题' : '没有记录'} />}
      {shown.map((item) => (
        <ItemCard key={item.id} item={item} />
      ))}
    </Flex>
  );
}
