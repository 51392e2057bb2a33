// The report workspace of an agency's year: GET .../report/:year/workspace, or, where the server
// has no such endpoint yet (404), the same shape assembled from the report and the texts.
import { useQuery } from '@tanstack/react-query';
import { ApiError, get, qs } from '../../api.ts';
import type { FormatInfo, ReportData } from './format.tsx';

export interface WorkspaceSection {
  number: number;
  heading: string;
  text: string;
  lastYearText: string;
  /** 0..1; undefined when the server did not compare. */
  similarity?: number;
  nearlySame?: boolean;
}

export interface ReportWorkspace {
  year: number;
  agency: { id: number; name: string };
  /** undefined when the server cannot say (no workspace endpoint): a refusal will tell. */
  locked: boolean | undefined;
  report: ReportData;
  lastYear: ReportData | null;
  sections: WorkspaceSection[];
}

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

async function assemble(agencyId: number, year: number, departments: boolean, format: FormatInfo): Promise<ReportWorkspace> {
  const q = qs({ departments: departments ? 1 : undefined });
  const [report, lastYear, texts, lastTexts] = await Promise.all([
    get<ReportData>(`/agencies/${agencyId}/report/${year}${q}`),
    orNull(get<ReportData>(`/agencies/${agencyId}/report/${year - 1}${q}`)),
    get<{ sections: Record<string, string> }>(`/agencies/${agencyId}/texts/${year}`),
    orNull(get<{ sections: Record<string, string> }>(`/agencies/${agencyId}/texts/${year - 1}`)),
  ]);
  return {
    year,
    agency: { id: agencyId, name: report.agency ?? '' },
    locked: undefined,
    report,
    lastYear,
    sections: format.sections.map((s) => ({
      number: s.number,
      heading: s.heading,
      text: texts.sections[s.number] ?? '',
      lastYearText: lastTexts?.sections[s.number] ?? '',
    })),
  };
}

/** The workspace query; the key is shared so saves can refresh it. */
export function useReportWorkspace(agencyId: number | undefined, year: number, departments: boolean, format: FormatInfo | undefined) {
  return useQuery({
    queryKey: ['report-workspace', agencyId, year, departments],
    enabled: agencyId !== undefined && format !== undefined,
    queryFn: async () => {
      const id = agencyId as number;
      try {
        return await get<ReportWorkspace>(`/agencies/${id}/report/${year}/workspace${qs({ departments: departments ? 1 : undefined })}`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && error.message.startsWith('没有这个地址'))
          return assemble(id, year, departments, format as FormatInfo);
        throw error;
      }
    },
  });
}
