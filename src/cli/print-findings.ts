import { printable } from '../printable.ts';
import { describeSource, type Finding } from '../report/index.ts';

const LEVEL = { error: '错误', warning: '警告', info: '提示' } as const;

function where(f: Finding): string {
  const place = describeSource(f.source);
  return place ? `（${place}）` : '';
}

/** Findings of one file, one per line, for a terminal. */
export function printFindings(file: string, findings: readonly Finding[]): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const head = `== ${printable(file)}：${counts.error}个错误，${counts.warning}个警告，${counts.info}个提示`;
  return [head, ...findings.map((f) => `  ${LEVEL[f.severity]} [${f.rule}] ${f.message}${where(f)}`)].join('\n');
}
