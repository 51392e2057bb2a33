// The collection and queue commands as the user sees them; implementations load on use.
import { type Command, InvalidArgumentError } from 'commander';
import { lazy, yearValue } from './register/define.ts';

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new InvalidArgumentError('应为非负整数');
  return n;
}

/** Adds `collect`, `worker` and `queue status|add|reprocess`. */
export function addQueueCommands(program: Command): void {
  program
    .command('collect')
    .description('从各网站的「政府信息公开工作年度报告」栏目采集报告页面与附件，保存并标记逾期发布、发布后修改')
    .requiredOption('--sites <file>', '网站列表文件：每行一个栏目或报告网址（# 开头为注释）')
    .option('--year <year>', '只采集该年度的报告', yearValue)
    .option('--max-pages <n>', '每个栏目最多翻页数（默认 20）', positive)
    .option('--interval <ms>', '对同一网站两次请求的最短间隔，毫秒（默认 1000；robots.txt 的 Crawl-delay 更长时从之）', positive)
    .option('--queue', '把采集到的报告加入处理队列（需要 PostgreSQL：DATABASE_URL）')
    .action(lazy(async () => (await import('./collect.ts')).collect));
  program
    .command('worker')
    .description('任务处理进程：从 DATABASE_URL 的队列中领取采集、读取与核对任务（可在多台机器上各运行若干个）')
    .option('-j, --workers <n>', '本进程同时处理的读取任务数（默认 1）', positive)
    .option('--quiet', '不逐个显示完成的任务')
    .action(lazy(async () => (await import('./worker.ts')).worker));
  const queue = program.command('queue').description('任务队列（PostgreSQL）：进度、失败任务、加入采集与重新处理');
  queue
    .command('status')
    .description('各队列的等待、重试、处理中、完成、失败数，失败任务及原因，已保存的结果数')
    .option('--json', '输出 JSON')
    .action(lazy(async () => (await import('./worker.ts')).queueStatusCommand));
  queue
    .command('add')
    .description('把网站加入采集队列，由 gongkai worker 采集')
    .requiredOption('--sites <file>', '网站列表文件：每行一个网址')
    .option('--year <year>', '只采集该年度的报告', yearValue)
    .action(lazy(async () => (await import('./worker.ts')).queueAdd));
  queue
    .command('reprocess')
    .description('以当前读取器版本重新读取与核对所有已采集的文件（读取器升级后使用）')
    .action(lazy(async () => (await import('./worker.ts')).queueReprocess));
}
