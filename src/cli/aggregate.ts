import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type AgencyLevel, LEVEL_NAMES } from '../check/index.ts';
import { aggregate as sum, type AggregateEntry, type AggregateGroup, levelOf, RANKINGS } from '../compare/index.ts';
import { AppError } from '../errors.ts';
import { printable } from '../printable.ts';
import { readSet } from './read-set.ts';

export interface AggregateOptions {
  by?: 'level';
  json?: boolean;
  out?: string;
  recursive?: boolean;
  workers?: number;
  level?: AgencyLevel;
  top?: number;
  /** A CSV of file and publication date. */
  dates?: string;
}

/** Cells summed in the terminal summary (the rest are in --json and the XLSX). */
const HEADLINE = [
  ['b.new.total', '本年新收申请'],
  ['b.carried_in.total', '上年结转'],
  ['b.granted.total', '予以公开'],
  ['b.partial.total', '部分公开'],
  ['b.total.total', '办理结果总计'],
  ['b.carried_out.total', '结转下年度'],
  ['c.review.total', '行政复议'],
  ['c.review.corrected', '复议结果纠正'],
  ['c.suit_direct.total', '直接起诉'],
  ['c.suit_after_review.total', '复议后起诉'],
  ['a.fees.amount', '行政事业性收费（万元）'],
] as const;

function printGroup(g: AggregateGroup, top: number): string {
  const lines = [`== ${g.name}：报告 ${g.reports} 份`];
  const totals = new Map(g.totals.map((t) => [t.key, t]));
  lines.push(
    `  合计：${HEADLINE.flatMap(([key, label]) => {
      const t = totals.get(key);
      return t ? [`${label} ${t.sum}`] : [];
    }).join('，')}`,
  );
  for (const r of RANKINGS) {
    const rows = g.rankings[r.id].slice(0, top);
    if (rows.length === 0) continue;
    const show = (v: number) => (r.id === 'granted-share' ? `${Math.round(v * 1000) / 10}%` : `${v}${r.unit}`);
    lines.push(`  ${r.title}（前${rows.length}名）：`);
    for (const row of rows) lines.push(`    ${String(row.rank).padStart(3)}. ${printable(row.agency ?? row.file)}  ${show(row.value)}`);
  }
  lines.push(`  有问题的机关 ${g.flagged.length} 个${g.flagged.length > 0 ? '：' : ''}`);
  for (const f of g.flagged.slice(0, top))
    lines.push(`    ${printable(f.agency ?? f.file)}：${f.errors}个错误，${f.warnings}个警告（${f.rules.join('、')}）`);
  if (g.flagged.length > top) lines.push(`    ……另有 ${g.flagged.length - top} 个`);
  return lines.join('\n');
}

/** The aggregation as JSON: the groups, and each report with its level and finding counts. */
function json(entries: readonly AggregateEntry[], groups: readonly AggregateGroup[]) {
  return {
    groups,
    reports: entries.map((e) => ({
      file: e.report.meta.source.file,
      agency: e.report.meta.agency,
      year: e.report.meta.year,
      level: levelOf(e),
      errors: e.findings.filter((f) => f.severity === 'error').length,
      warnings: e.findings.filter((f) => f.severity === 'warning').length,
    })),
  };
}

/**
 * `gongkai aggregate`: reads a level's reports, checks each (alone and against its agency's
 * previous year and its peers), sums every cell per year (and level with `--by level`), ranks
 * the agencies and lists those with findings. Exit 2 when an input could not be read, else 0.
 */
export async function aggregateCommand(args: readonly string[], options: AggregateOptions): Promise<number> {
  if (options.out && !['.json', '.xlsx'].includes(extname(options.out).toLowerCase()))
    throw new AppError('invalid', `不支持的输出格式「${extname(options.out) || options.out}」：请用 .json 或 .xlsx`);
  const set = await readSet(args, options);
  if (!set) return 2;
  const entries: AggregateEntry[] = set.reports.map((r) => ({ ...r, ...(options.level ? { level: options.level } : {}) }));
  const groups = sum(entries, options.by ? { by: options.by } : {});
  if (options.out?.toLowerCase().endsWith('.xlsx')) {
    const { writeAggregateXlsx } = await import('../compare/xlsx.ts');
    await writeAggregateXlsx(options.out, entries, groups);
  } else if (options.out) await writeFile(options.out, `${JSON.stringify(json(entries, groups), null, 2)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify(json(entries, groups))}\n`);
  else {
    const levels = options.level ? `（层级：${LEVEL_NAMES[options.level]}）` : '';
    process.stdout.write(`${groups.map((g) => printGroup(g, options.top ?? 10)).join('\n\n')}${levels ? `\n${levels}` : ''}\n`);
    if (options.out) process.stdout.write(`结果已写入：${options.out}\n`);
  }
  return set.failures > 0 ? 2 : 0;
}
