// 申请详情 — to be built.
import { Typography } from 'antd';

export default function CasePage() {
  return <Typography.Title level={3}>申请详情</Typography.Title>;
}
