// 年度报告 — to be built.
import { Typography } from 'antd';

export default function ReportPage() {
  return <Typography.Title level={3}>年度报告</Typography.Title>;
}
