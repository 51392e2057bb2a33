import { printable } from '../../printable.ts';
import { RULES, SERIES_RULES } from '../../check/index.ts';
import type { Finding } from '../../report/index.ts';
import type { JobResult } from './job.ts';

const SEVERITY_NAMES: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

/** Running totals of a batch, printed at its end. */
export class Summary {
  files = 0;
  reports = 0;
  cells = 0;
  failures: { file: string; reason: string }[] = [];
  byRule = new Map<string, { severity: string; count: number }>();
  private readonly started = Date.now();

  add(result: JobResult): void {
    this.files++;
    if ('error' in result) {
      this.failures.push({ file: result.file, reason: result.error.reason });
      return;
    }
    this.reports++;
    this.cells += Object.keys(result.report.cells).length;
    this.addFindings(result.findings ?? []);
  }

  /** Counts findings by rule (a report's own, or those over several reports). */
  addFindings(findings: readonly Finding[]): void {
    for (const f of findings) {
      const entry = this.byRule.get(f.rule) ?? { severity: f.severity, count: 0 };
      entry.count++;
      this.byRule.set(f.rule, entry);
    }
  }

  /** The summary in Chinese, a few lines. */
  text(): string {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const lines = [
      `== 汇总：${this.files} 个文件，读取报告 ${this.reports} 份，提取单元格 ${this.cells} 个，失败 ${this.failures.length} 个，用时 ${seconds} 秒`,
    ];
    const titles = new Map([...RULES, ...SERIES_RULES].map((r) => [r.id, r.title]));
    const rows = [...this.byRule.entries()].sort((a, b) => b[1].count - a[1].count);
    // Problems (errors and warnings) and notes (info) are listed apart: a note is not a problem.
    for (const [heading, wanted] of [
      ['发现问题（按规则）：', (s: string) => s !== 'info'],
      ['提示（按规则）：', (s: string) => s === 'info'],
    ] as const) {
      const listed = rows.filter(([, { severity }]) => wanted(severity));
      if (listed.length === 0) continue;
      lines.push(`   ${heading}`);
      for (const [rule, { severity, count }] of listed)
        lines.push(
          `     ${String(count).padStart(6)}  ${SEVERITY_NAMES[severity] ?? severity}  ${rule}${titles.has(rule) ? `  ${titles.get(rule)}` : ''}`,
        );
    }
    if (this.failures.length > 0) {
      lines.push('   无法读取的文件：');
      for (const f of this.failures.slice(0, 20)) lines.push(`     ${printable(f.file)}：${printable(f.reason)}`);
      if (this.failures.length > 20) lines.push(`     ……另有 ${this.failures.length - 20} 个`);
    }
    return lines.join('\n');
  }
}
