// 登记申请 — to be built.
import { Typography } from 'antd';

export default function NewApplicationPage() {
  return <Typography.Title level={3}>登记申请</Typography.Title>;
}
