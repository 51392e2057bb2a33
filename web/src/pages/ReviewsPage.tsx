// 复议与诉讼 — to be built.
import { Typography } from 'antd';

export default function ReviewsPage() {
  return <Typography.Title level={3}>复议与诉讼</Typography.Title>;
}
