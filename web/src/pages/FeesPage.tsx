// 信息处理费 — to be built.
import { Typography } from 'antd';

export default function FeesPage() {
  return <Typography.Title level={3}>信息处理费</Typography.Title>;
}
