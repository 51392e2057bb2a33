import { z } from 'zod';
import { B_OTHER_MERGED_KEYS, cellSpecs, getFormat } from '../format/index.ts';
import { buildReport } from './build.ts';
import { cellValues, missingItems } from './report.ts';
import type { Finding, Report, Section } from './types.ts';

/** The JSON line `extract --json` prints for a report (and `check --json`, with findings). */
export function reportJson(report: Report, findings?: readonly Finding[]): Record<string, unknown> {
  const m = report.meta;
  const out: Record<string, unknown> = {
    file: m.source.file,
    agency: m.agency,
    ...(m.agencySource ? { agencySource: m.agencySource } : {}),
    ...(m.ocr ? { ocr: true } : {}),
    year: m.year,
    format: m.format,
    title: m.title,
    date: m.date,
    tables: Object.fromEntries(Object.values(report.tables).map((t) => [t.id, t.status])),
    cells: cellValues(report),
    missing: missingItems(report),
    sections: report.sections.map((s) => ({ id: s.id, heading: s.heading, text: s.text })),
  };
  if (findings) out.findings = findings;
  return out;
}

const sectionSchema = z.object({
  id: z.number().int().min(1, '章节编号应为1至6').max(6, '章节编号应为1至6'),
  heading: z.string().optional(),
  text: z.string({ error: '章节正文（text）应为字符串' }),
});

/** A report as JSON: the shape `extract --json` prints, with metadata and section texts. */
export const reportInputSchema = z.object({
  agency: z.string({ error: '缺少机关名称（agency）' }).trim().min(1, '机关名称（agency）不能为空'),
  year: z
    .number({ error: '缺少报告年度（year）' })
    .int('报告年度（year）应为整数')
    .min(2008, '报告年度（year）应在2008年之后')
    .max(2100, '报告年度（year）不合理'),
  format: z.enum(['2021', '2019'], { error: '格式（format）应为 "2021" 或 "2019"' }).default('2021'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '发布日期（date）应为 YYYY-MM-DD')
    .nullable()
    .optional(),
  title: z.string().nullable().optional(),
  cells: z.record(z.string(), z.number({ error: '单元格的值应为数字或 null' }).finite().nullable(), { error: '缺少单元格（cells）' }),
  sections: z.array(sectionSchema, { error: '章节（sections）应为数组' }).default([]),
});

export type ReportInput = z.infer<typeof reportInputSchema>;

/** A validation problem: where in the JSON, and what is wrong (Chinese). */
export interface InputProblem {
  path: string;
  message: string;
}

/**
 * Validates report JSON and builds the report. Returns the problems instead when the input is
 * malformed: unknown cell keys, wrong types, missing metadata, each with its path.
 */
export function reportFromJson(data: unknown, file: string): { report: Report } | { problems: InputProblem[] } {
  const parsed = reportInputSchema.safeParse(data);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '（根）', message: i.message })) };
  }
  const input = parsed.data;
  const format = getFormat(input.format);
  const known = new Set([...cellSpecs(format).map((s) => s.key), ...B_OTHER_MERGED_KEYS]);
  const unknown = Object.keys(input.cells).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    return { problems: unknown.map((k) => ({ path: `cells.${k}`, message: `不是${format.name}的单元格键` })) };
  }
  const seen = new Set<number>();
  const problems: InputProblem[] = [];
  const sections: Section[] = [];
  for (const [i, s] of input.sections.entries()) {
    if (seen.has(s.id)) problems.push({ path: `sections.${i}.id`, message: `章节 ${s.id} 重复` });
    seen.add(s.id);
    sections.push({ id: s.id as Section['id'], heading: s.heading ?? '', text: s.text });
  }
  if (problems.length > 0) return { problems };
  const report = buildReport({
    format: input.format,
    values: input.cells,
    sections: sections.sort((a, b) => a.id - b.id),
    meta: { agency: input.agency, year: input.year, date: input.date ?? null, title: input.title ?? null, source: { file, kind: 'json' } },
  });
  return { report };
}
