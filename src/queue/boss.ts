import PgBoss from 'pg-boss';
import { AppError } from '../errors.ts';

/** The queues: collecting a site, reading and checking one document, and the dead letters. */
export const QUEUES = { collect: 'gongkai-collect', analyze: 'gongkai-analyze', dead: 'gongkai-dead' } as const;

/** How long a job may run before it counts as lost (its worker died) and is retried. */
export interface QueueTimings {
  /** Seconds a job may stay active (default 600: a long PDF on a busy machine). */
  expireSeconds?: number;
  /** Seconds between pg-boss maintenance runs, which expire lost jobs (default 30). */
  maintenanceSeconds?: number;
  /** Attempts after the first (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry, doubled after each (default 5). */
  retryDelaySeconds?: number;
}

function timingsFromEnv(): QueueTimings {
  const n = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const t: QueueTimings = {};
  const expire = n('GONGKAI_QUEUE_EXPIRE_SECONDS');
  const maintenance = n('GONGKAI_QUEUE_MAINTENANCE_SECONDS');
  const retries = n('GONGKAI_QUEUE_RETRY_LIMIT');
  const delay = n('GONGKAI_QUEUE_RETRY_DELAY_SECONDS');
  if (expire) t.expireSeconds = expire;
  if (maintenance) t.maintenanceSeconds = maintenance;
  if (retries !== undefined) t.retryLimit = retries;
  if (delay !== undefined) t.retryDelaySeconds = delay;
  return t;
}

/**
 * Starts pg-boss on the PostgreSQL server at `url` (its tables live in the `pgboss` schema,
 * created on first use) and makes sure our queues exist. The queue needs a server: PGlite has
 * one connection and no other process can reach it.
 */
export async function openBoss(url: string | undefined, timings: QueueTimings = timingsFromEnv()): Promise<PgBoss> {
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new AppError('unavailable', '任务队列需要 PostgreSQL 数据库：请设置 DATABASE_URL（如 postgres://用户@主机/库名）');
  }
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    maintenanceIntervalSeconds: timings.maintenanceSeconds ?? 30,
    monitorStateIntervalSeconds: 60,
  });
  boss.on('error', (error) => console.error(`任务队列出错：${(error as Error).message}`));
  await boss.start();
  const options = {
    retryLimit: timings.retryLimit ?? 3,
    retryDelay: timings.retryDelaySeconds ?? 5,
    retryBackoff: true,
    expireInSeconds: timings.expireSeconds ?? 600,
    retentionDays: 30,
  };
  await ensureQueue(boss, { name: QUEUES.dead, retentionDays: 30 });
  for (const name of [QUEUES.collect, QUEUES.analyze]) {
    // 'short': one waiting job per key, so enqueueing a document twice before it runs adds one job.
    await ensureQueue(boss, { name, policy: 'short', deadLetter: QUEUES.dead, ...options });
    await boss.updateQueue(name, { name, policy: 'short', deadLetter: QUEUES.dead, ...options });
  }
  return boss;
}

/** Creates a queue unless it exists; several workers starting at once may race to create it. */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  if (await boss.getQueue(queue.name)) return;
  try {
    await boss.createQueue(queue.name, queue);
  } catch (error) {
    if (!(await boss.getQueue(queue.name))) throw error;
  }
}
