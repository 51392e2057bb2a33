// An HTML, DOCX or text report as the server renders it — sanitized, without scripts — in a
// sandboxed frame, the selected cells marked and scrolled to (the first mark is #gk-first: the
// frame runs no script, its fragment does the scrolling).
import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { qs, request } from '../../api.ts';

export function HtmlSource({ reportId, keys, version }: { reportId: number; keys: readonly string[]; version: number }) {
  const path = `/review/reports/${reportId}/view${qs({ keys: keys.join(',') || undefined, v: version || undefined })}`;
  // Asked first (once per report) so that a refusal shows as the server's message rather than inside the frame.
  const check = useQuery({
    queryKey: ['review-view', reportId],
    queryFn: async () => (await request('GET', `/review/reports/${reportId}/view`), true),
  });
  if (check.isPending) return <Spin />;
  if (check.error) return <Alert type="error" showIcon title="无法显示原文" description={check.error.message} />;
  return (
    <iframe
      title="报告原文"
      sandbox=""
      src={`/api${path}${keys.length > 0 ? '#gk-first' : ''}`}
      style={{ width: '100%', height: 'calc(100vh - 220px)', minHeight: 480, border: '1px solid #d9d9d9', background: '#fff' }}
    />
  );
}
