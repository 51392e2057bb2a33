import { COPIED_THRESHOLD } from '../check/index.ts';
import type { YearComparison } from '../compare/index.ts';
import { printable } from '../printable.ts';
import { printFindings } from './print-findings.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;
const clip = (s: string, n = 70) => {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n)}……` : flat;
};

/** One comparison in Chinese for a terminal: largest moves, sections' sameness and diff counts, findings. */
export function printComparison(c: YearComparison, top = 10): string {
  const lines = [
    `== ${printable(c.agency ?? '（机关名称不明）')}：${c.previous.year ?? '?'}年 → ${c.current.year ?? '?'}年（${printable(c.previous.file)} → ${printable(c.current.file)}）`,
  ];
  const moved = c.cells.filter((x) => x.change !== null && x.change !== 0);
  const unknown = c.cells.filter((x) => x.change === null).length;
  lines.push(
    `  单元格 ${c.cells.length} 个：有变化 ${moved.length} 个，未变 ${c.cells.length - moved.length - unknown} 个，空白或缺失 ${unknown} 个`,
  );
  if (moved.length > 0) {
    lines.push(`  变化最大的${Math.min(top, moved.length)}个：`);
    for (const x of moved.slice(0, top)) {
      const rel = x.relative === null ? '' : `，${signed(Math.round(x.relative * 1000) / 10)}%`;
      lines.push(`    ${x.label}：${x.previous} → ${x.current}（${signed(x.change as number)}${rel}）`);
    }
  }
  if (c.sections.length > 0) lines.push('  正文：');
  for (const s of c.sections) {
    const parts: string[] = [];
    if (s.lastYear)
      parts.push(`与上年相同 ${percent(s.lastYear.score)}${s.lastYear.judged && s.lastYear.score >= COPIED_THRESHOLD ? '（雷同）' : ''}`);
    if (s.peer) {
      const who = printable(s.peer.report.agency ?? s.peer.report.file);
      parts.push(`与${who}相同 ${percent(s.peer.score)}${s.peer.judged && s.peer.score >= COPIED_THRESHOLD ? '（雷同）' : ''}`);
    }
    const count = (kind: string) => s.diff.filter((d) => d.kind === kind).length;
    parts.push(`新增 ${count('added')} 句，删去 ${count('removed')} 句，仅数字变化 ${count('figures')} 句，未变 ${count('same')} 句`);
    lines.push(`    ${s.heading}：${parts.join('；')}`);
    const passage = s.lastYear?.passages[0];
    if (passage && s.lastYear?.judged && s.lastYear.score >= COPIED_THRESHOLD) lines.push(`      重复段落：「${printable(clip(passage.text))}」`);
  }
  if (c.findings.length > 0) lines.push(printFindings(c.current.file, c.findings).replace(/^== /, '  问题 '));
  return lines.join('\n');
}
