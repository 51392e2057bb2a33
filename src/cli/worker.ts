import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/index.ts';
import { enqueueCollect, enqueueReprocess, openBoss, queueStatus, READER_VERSION, startWorker } from '../queue/index.ts';
import { readSites } from './collect.ts';

const QUEUE_NAMES: Record<string, string> = { 'gongkai-collect': '采集网站', 'gongkai-analyze': '读取与核对', 'gongkai-dead': '失败任务（死信）' };

/** Opens the queue and the results database on DATABASE_URL; runs `work`; closes both. */
async function withQueue<T>(
  work: (db: Awaited<ReturnType<typeof openDatabase>>, boss: Awaited<ReturnType<typeof openBoss>>) => Promise<T>,
): Promise<T> {
  const url = loadConfig().databaseUrl;
  const boss = await openBoss(url);
  try {
    const db = await openDatabase({ url: url as string });
    try {
      return await work(db, boss);
    } finally {
      await db.close();
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** `gongkai worker [-j N]`: takes jobs from the queue on DATABASE_URL until interrupted. */
export async function worker(_args: unknown[], o: { workers?: number; quiet?: boolean }): Promise<number> {
  return withQueue(async (db, boss) => {
    const holdMs = Number(process.env.GONGKAI_WORKER_HOLD_MS ?? 0);
    const stop = await startWorker(db, boss, {
      concurrency: o.workers || 1,
      pollSeconds: 0.5,
      ...(holdMs > 0 ? { hold: () => new Promise((resolve) => setTimeout(resolve, holdMs)) } : {}),
      onJob: (queue, id, outcome, detail) => {
        if (!o.quiet) console.log(`${QUEUE_NAMES[queue] ?? queue} ${id} ${outcome}${detail ? ` ${detail}` : ''}`);
      },
    });
    console.error(`任务处理进程已启动（进程 ${process.pid}，读取器版本 ${READER_VERSION}）；按 Ctrl+C 停止`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    console.error('正在停止：等待进行中的任务完成…');
    await stop();
    return 0;
  });
}

/** `gongkai queue status [--json]`: jobs by queue and state, dead letters with reasons, results. */
export async function queueStatusCommand(_args: unknown[], o: { json?: boolean }): Promise<number> {
  return withQueue(async (db, boss) => {
    const status = await queueStatus(db, boss);
    if (o.json) {
      console.log(JSON.stringify(status));
      return 0;
    }
    // Full-width padding: names in 16 columns, each count in 6.
    const cell = (n: number) => String(n).padStart(6);
    const lines = [`${'队列'.padEnd(8, '　')}  等待  重试处理中  完成  失败`];
    for (const [name, c] of Object.entries(status.queues)) {
      lines.push(
        `${(QUEUE_NAMES[name] ?? name).padEnd(8, '　')}${cell(c.created)}${cell(c.retry)}${cell(c.active)}${cell(c.completed)}${cell(c.failed)}`,
      );
    }
    for (const r of status.results) lines.push(`读取器 ${r.readerVersion}：已读出报告 ${r.ok} 份，无法读取 ${r.unreadable} 份`);
    if (status.dead.length) {
      lines.push(`失败任务（重试用尽，最近 ${status.dead.length} 个）：`);
      for (const d of status.dead) lines.push(`  ${d.failedAt}  ${JSON.stringify(d.data)}  原因：${d.reason}`);
    } else lines.push('没有失败任务。');
    console.log(lines.join('\n'));
    return 0;
  });
}

/** `gongkai queue add --sites sites.txt [--year Y]`: queues sites for the workers to collect. */
export async function queueAdd(_args: unknown[], o: { sites: string; year?: number }): Promise<number> {
  const sites = readSites(o.sites);
  return withQueue(async (_db, boss) => {
    const n = await enqueueCollect(
      boss,
      sites.map((url) => ({ url, ...(o.year ? { year: o.year } : {}) })),
    );
    console.log(`已加入采集队列 ${n} 个网站（${sites.length - n} 个已在队列中）`);
    return 0;
  });
}

/** `gongkai queue reprocess`: queues every stored document without a result of the current reader version. */
export async function queueReprocess(_args: unknown[], _o: unknown): Promise<number> {
  return withQueue(async (db, boss) => {
    const n = await enqueueReprocess(db, boss);
    console.log(`已加入处理队列 ${n} 个文件（以读取器 ${READER_VERSION} 重新读取）`);
    return 0;
  });
}
