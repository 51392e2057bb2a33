// 主动公开 — to be built.
import { Typography } from 'antd';

export default function ProactivePage() {
  return <Typography.Title level={3}>主动公开</Typography.Title>;
}
