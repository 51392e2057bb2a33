import { hasErrors, runChecks } from '../check/index.ts';
import { AppError } from '../errors.ts';
import { type Finding, type Report, reportJson } from '../report/index.ts';

/** The formats a report is rendered to. */
export const RENDER_TARGETS = ['docx', 'pdf', 'html', 'md'] as const;
export type RenderTarget = (typeof RENDER_TARGETS)[number];

/**
 * Renders a report to bytes; each renderer is loaded only when asked for (the DOCX library and
 * the browser driver are large).
 */
export async function renderTo(report: Report, to: RenderTarget): Promise<Uint8Array | string> {
  switch (to) {
    case 'html':
      return (await import('./html/render-html.ts')).renderHtml(report);
    case 'md':
      return (await import('./markdown/render-markdown.ts')).renderMarkdown(report);
    case 'docx':
      return (await import('./docx/render-docx.ts')).renderDocx(report);
    case 'pdf':
      return (await import('./pdf/render-pdf.ts')).renderPdf(report);
  }
}

/**
 * The render policy, checks first: a report with error-level findings is not rendered unless
 * `force` (AppError `check_failed`, the findings in its details); otherwise the bytes in the
 * target format (`json`: the report and its findings) and every finding, warnings included, so
 * the caller can show them whatever the format.
 */
export async function renderChecked(
  report: Report,
  to: RenderTarget | 'json',
  options: { force?: boolean } = {},
): Promise<{ bytes: Uint8Array | string; findings: Finding[] }> {
  const findings = runChecks(report);
  if (hasErrors(findings) && !options.force) {
    const errors = findings.filter((f) => f.severity === 'error');
    throw new AppError('check_failed', `报告有${errors.length}个错误，未生成`, { findings });
  }
  const bytes = to === 'json' ? `${JSON.stringify(reportJson(report, findings), null, 2)}\n` : await renderTo(report, to);
  return { bytes, findings };
}
