import { writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { AppError } from '../errors.ts';
import { ReadError } from '../ingest/document.ts';
import type { Finding, Report } from '../report/index.ts';
// The policy module, not render/index.ts: that one loads every renderer up front.
import { renderChecked, type RenderTarget } from '../render/render-checked.ts';
import { errorLine } from './batch/run-batch.ts';
import { loadReport } from './load-report.ts';
import { printFindings } from './print-findings.ts';

export interface RenderOptions {
  to: RenderTarget;
  out?: string;
  force?: boolean;
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
  const target = options.out ?? resolve(`${basename(file, extname(file))}.${options.to}`);
  if (target !== '-' && resolve(target) === resolve(file)) throw new AppError('invalid', `输出文件与输入文件相同：${target}`);
  let result: Awaited<ReturnType<typeof renderChecked>>;
  try {
    result = await renderChecked(report, options.to, { force: options.force ?? false });
  } catch (error) {
    if (error instanceof AppError && error.code === 'check_failed') {
      const findings = (error.details.findings as Finding[]).filter((f) => f.severity === 'error');
      err.write(`${printFindings(file, findings)}\n报告有错误，未生成。请修正后重试，或使用 --force 强制生成。\n`);
      return 1;
    }
    throw error;
  }
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length) err.write(`${printFindings(file, errors)}\n已使用 --force，尽管有错误仍生成报告。\n`);
  if (target === '-') out.write(result.bytes);
  else await writeFile(target, result.bytes);
  if (target !== '-') err.write(`已生成：${target}\n`);
  return 0;
}
