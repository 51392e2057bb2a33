// 用户管理 — to be built.
import { Typography } from 'antd';

export default function UsersPage() {
  return <Typography.Title level={3}>用户管理</Typography.Title>;
}
