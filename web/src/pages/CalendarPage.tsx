// 工作日历 — to be built.
import { Typography } from 'antd';

export default function CalendarPage() {
  return <Typography.Title level={3}>工作日历</Typography.Title>;
}
