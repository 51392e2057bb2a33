// 依申请公开台账 — to be built.
import { Typography } from 'antd';

export default function ApplicationsPage() {
  return <Typography.Title level={3}>依申请公开台账</Typography.Title>;
}
