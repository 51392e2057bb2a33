// The report in the standard layout, as the server renders it, shown in a sandboxed frame
// (no scripts, no same-origin access): whatever a section holds stays inert text.
import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { qs, request } from '../../api.ts';

interface Props {
  agencyId: number;
  year: number;
  departments: boolean;
  /** Changes after every save, so the frame reloads. */
  version: number;
}

export function ReportPreview({ agencyId, year, departments, version }: Props) {
  const path = `/agencies/${agencyId}/report/${year}/preview${qs({ departments: departments ? 1 : undefined, v: version })}`;
  // Asked first so that a refusal shows as the server's message rather than inside the frame.
  const check = useQuery({ queryKey: ['report-preview', path], queryFn: async () => (await request('GET', path), true) });
  if (check.isPending) return <Spin />;
  if (check.error) return <Alert type="error" showIcon title="无法预览" description={check.error.message} />;
  return (
    <iframe
      title="年度报告预览"
      sandbox=""
      src={`/api${path}`}
      style={{ width: '100%', height: 'calc(100vh - 220px)', minHeight: 480, border: '1px solid #d9d9d9', background: '#fff' }}
    />
  );
}
