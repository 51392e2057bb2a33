// 操作记录 — to be built.
import { Typography } from 'antd';

export default function AuditPage() {
  return <Typography.Title level={3}>操作记录</Typography.Title>;
}
