import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { runChecks, textSimilarity, NEARLY_SAME } from '../../check/index.ts';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { SECTIONS } from '../../format/index.ts';
import { findAgency, isYearLocked, reportFromRegister } from '../../register/index.ts';
import { RENDER_TARGETS, renderHtml, type RenderTarget, renderTo } from '../../render/index.ts';
import { cellValues, type Report, reportJson } from '../../report/index.ts';
import { download, flag, id, readParam, readQuery, type ServerEnv, year } from '../http.ts';

/** What the preview may load: its own inline styles and data images, nothing else; framed by the workbench only. */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

const TYPES: Record<RenderTarget, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export interface ReportWorkspaceOptions {
  /** Longest a PDF may take before the export is refused (default 60 s). */
  pdfTimeoutMs?: number;
}

// Nothing in the register for the year: every figure zero or blank and every section empty.
function isEmpty(report: Report): boolean {
  return Object.values(cellValues(report)).every((v) => !v) && report.sections.every((s) => !s.text.trim());
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('unavailable', message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The year's report workspace: this year beside last year with the sections compared, the preview in the standard layout, and exports. */
export function reportWorkspaceRoutes(db: Database, options: ReportWorkspaceOptions = {}): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  const pdfTimeout = options.pdfTimeoutMs ?? 60_000;
  let printing = false;

  const load = async (c: Context<ServerEnv>, y?: number): Promise<Report> => {
    const { departments } = readQuery(c, z.object({ departments: flag }));
    return reportFromRegister(db, c.get('actor'), readParam(c, 'id', id), y ?? readParam(c, 'year', year), { includeChildren: departments });
  };

  app.get('/:id/report/:year/workspace', async (c) => {
    const agencyId = readParam(c, 'id', id);
    const y = readParam(c, 'year', year);
    const report = await load(c, y);
    const previous = await load(c, y - 1);
    const lastYear = isEmpty(previous) ? null : previous;
    const agency = await findAgency(db, agencyId);
    const sections = SECTIONS.map((spec) => {
      const text = report.sections.find((s) => s.id === spec.id)?.text ?? '';
      const lastYearText = lastYear?.sections.find((s) => s.id === spec.id)?.text ?? '';
      const similarity = Math.round(textSimilarity(text, lastYearText) * 1000) / 1000;
      return { number: spec.id, heading: spec.heading, text, lastYearText, similarity, nearlySame: similarity >= NEARLY_SAME };
    });
    return c.json({
      year: y,
      agency: { id: agency.id, name: agency.name },
      locked: await isYearLocked(db, c.get('actor'), agencyId, y),
      report: reportJson(report, runChecks(report)),
      lastYear: lastYear ? reportJson(lastYear, runChecks(lastYear)) : null,
      sections,
      nearlySameThreshold: NEARLY_SAME,
    });
  });

  // Shown by the workbench in a sandboxed iframe: every register text is escaped by the renderer, and the policy forbids scripts.
  app.get('/:id/report/:year/preview', async (c) => {
    const html = renderHtml(await load(c));
    c.header('Content-Security-Policy', PREVIEW_CSP);
    c.header('X-Frame-Options', 'SAMEORIGIN');
    c.header('Content-Type', 'text/html; charset=utf-8');
    return c.body(html);
  });

  app.get('/:id/report/:year/export', async (c) => {
    const { format } = readQuery(
      c,
      z.object({ format: z.enum(RENDER_TARGETS, { error: `导出格式应为：${RENDER_TARGETS.join('、')}` }), departments: z.string().optional() }),
    );
    const report = await load(c);
    let bytes: Uint8Array | string;
    if (format === 'pdf') {
      // One PDF at a time: each starts a browser, and the machine has few cores.
      if (printing) throw new AppError('unavailable', '正在生成另一份 PDF，请稍后再试');
      printing = true;
      try {
        bytes = await withTimeout(renderTo(report, 'pdf'), pdfTimeout, `生成 PDF 超时（超过${Math.round(pdfTimeout / 1000)}秒），请稍后再试`);
      } finally {
        printing = false;
      }
    } else bytes = await renderTo(report, format);
    const errors = runChecks(report).filter((f) => f.severity === 'error').length;
    c.header('X-Report-Errors', String(errors));
    return download(c, bytes, `${report.meta.agency}${report.meta.year}年政府信息公开工作年度报告.${format}`, TYPES[format]);
  });

  return app;
}
