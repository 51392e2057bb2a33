// 工作日历: the years the working-day calendar knows and each year's 放假 and 调休 days; the
// system administrator imports next year's 放假通知.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Col, Flex, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, qs } from '../api.ts';
import { CalendarImport } from '../components/admin/CalendarImport.tsx';
import { useMe } from '../session.tsx';
import { useWorkspace } from '../workspace.tsx';

interface CalendarData {
  years: { year: number; source: string }[];
  days: { day: string; working: boolean; name: string }[];
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function weekday(day: string): string {
  return WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? '';
}

export default function CalendarPage() {
  const me = useMe();
  const workspace = useWorkspace();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<number>();
  const known = useQuery({ queryKey: ['calendar'], queryFn: () => get<CalendarData>('/calendar') });
  const years = known.data?.years ?? [];
  const year = chosen ?? (years.some((y) => y.year === workspace.year) ? workspace.year : years.at(-1)?.year);
  const days = useQuery({
    queryKey: ['calendar', year],
    enabled: year !== undefined,
    queryFn: () => get<CalendarData>(`/calendar${qs({ year })}`),
  });
  const systemAdmin = me.user.role === 'admin' && me.user.agencyId === null;
  if (known.error) return <Alert type="error" showIcon title="无法载入工作日历" description={known.error.message} />;
  const source = years.find((y) => y.year === year)?.source;
  const off = days.data?.days.filter((d) => !d.working).length ?? 0;
  const on = days.data?.days.filter((d) => d.working).length ?? 0;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        工作日历
      </Typography.Title>
      <Typography.Text type="secondary">
        依申请公开的期限按工作日计算：周末和法定节假日不计，调休上班的周末计入。日历已有年度：
        {years.map((y) => `${y.year}年`).join('、') || '无'}。
      </Typography.Text>
      <Row gutter={16}>
        <Col span={systemAdmin ? 14 : 24}>
          <Flex vertical gap={8}>
            <Flex gap={8} align="center">
              <label htmlFor="gk-calendar-year">年度</label>
              <Select
                id="gk-calendar-year"
                style={{ width: 120 }}
                value={year}
                onChange={setChosen}
                options={years.map((y) => ({ value: y.year, label: `${y.year}年` }))}
              />
              {days.data && (
                <Typography.Text type="secondary">
                  放假{off}天，调休上班{on}天{source ? `；来源：${source}` : ''}
                </Typography.Text>
              )}
            </Flex>
            <Table
              size="small"
              rowKey="day"
              loading={days.isFetching}
              dataSource={days.data?.days}
              pagination={false}
              locale={{ emptyText: year ? `${year}年没有放假或调休安排` : '日历中还没有年度' }}
              columns={[
                { title: '日期', dataIndex: 'day', width: 120 },
                { title: '星期', key: 'weekday', width: 80, render: (_, d) => weekday(d.day) },
                {
                  title: '安排',
                  dataIndex: 'working',
                  width: 100,
                  render: (working: boolean) => (working ? <Tag color="blue">调休上班</Tag> : <Tag color="red">放假</Tag>),
                },
                { title: '名称', dataIndex: 'name' },
              ]}
            />
          </Flex>
        </Col>
        {systemAdmin && (
          <Col span={10}>
            <CalendarImport
              onImported={(imported) => {
                setChosen(imported.at(-1));
                void client.invalidateQueries({ queryKey: ['calendar'] });
              }}
            />
          </Col>
        )}
      </Row>
    </Flex>
  );
}
