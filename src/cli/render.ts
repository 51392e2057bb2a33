import { writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { hasErrors, runChecks } from '../check/index.ts';
import { ReadError } from '../ingest/index.ts';
import { BrowserMissingError, renderDocx, renderHtml, renderMarkdown, renderPdf } from '../render/index.ts';
import type { Report } from '../report/index.ts';
import { errorLine } from './batch/run-batch.ts';
import { loadReport } from './load-report.ts';
import { printFindings } from './print-findings.ts';

export const TARGETS = ['docx', 'pdf', 'html', 'md'] as const;
export type Target = (typeof TARGETS)[number];

export interface RenderOptions {
  to: Target;
  out?: string;
  force?: boolean;
}

/** Renders a report to bytes in one of the target formats. */
export async function renderTo(report: Report, to: Target): Promise<Uint8Array | string> {
  switch (to) {
    case 'html':
      return renderHtml(report);
    case 'md':
      return renderMarkdown(report);
    case 'docx':
      return renderDocx(report);
    case 'pdf':
      return renderPdf(report);
  }
}

/**
 * `gongkai render`: checks the report first (error-level findings stop it unless --force),
 * then writes it in the target format. Exit 0 done, 1 stopped by findings, 2 unreadable input
 * or missing tool.
 */
export async function render(file: string, options: RenderOptions, out = process.stdout, err = process.stderr): Promise<number> {
  let report: Report;
  try {
    report = await loadReport(file);
  } catch (error) {
    if (error instanceof ReadError) {
      err.write(`${errorLine(error.file, error)}\n`);
      return 2;
    }
    throw error;
  }
  const findings = runChecks(report);
  if (hasErrors(findings)) {
    err.write(
      `${printFindings(
        file,
        findings.filter((f) => f.severity === 'error'),
      )}\n`,
    );
    if (!options.force) {
      err.write('报告有错误，未生成。请修正后重试，或使用 --force 强制生成。\n');
      return 1;
    }
    err.write('已使用 --force，尽管有错误仍生成报告。\n');
  }
  const target = options.out ?? resolve(`${basename(file, extname(file))}.${options.to}`);
  if (resolve(target) === resolve(file)) {
    err.write(`错误：输出文件与输入文件相同：${target}\n`);
    return 2;
  }
  try {
    const bytes = await renderTo(report, options.to);
    if (target === '-') out.write(bytes);
    else await writeFile(target, bytes);
  } catch (error) {
    if (error instanceof BrowserMissingError) {
      err.write(`错误：${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (target !== '-') err.write(`已生成：${target}\n`);
  return 0;
}
