// 工作台 — to be built.
import { Typography } from 'antd';

export default function DashboardPage() {
  return <Typography.Title level={3}>工作台</Typography.Title>;
}
