import type PgBoss from 'pg-boss';
import type { Database } from '../db/index.ts';
import { QUEUES } from './boss.ts';

/** Counts of one queue by state. */
export type StateCounts = Record<'created' | 'retry' | 'active' | 'completed' | 'failed' | 'cancelled', number>;

/** The queue's progress and its dead letters. */
export interface QueueStatus {
  queues: Record<string, StateCounts>;
  /** Jobs that failed every attempt, newest first, with the last reason. */
  dead: { id: string; queue: string; data: unknown; reason: string; failedAt: string }[];
  /** Stored results by reader version: readable reports and other documents. */
  results: { readerVersion: string; ok: number; unreadable: number }[];
}

/** Reads the queue's counts (pg-boss's job table, current and archived) and the stored results. */
export async function queueStatus(db: Database, boss: PgBoss, limit = 20): Promise<QueueStatus> {
  const schema = 'pgboss';
  const empty = (): StateCounts => ({ created: 0, retry: 0, active: 0, completed: 0, failed: 0, cancelled: 0 });
  const queues: Record<string, StateCounts> = {};
  for (const name of Object.values(QUEUES)) queues[name] = empty();
  const counts = await boss.getDb().executeSql(
    `select name, state::text as state, count(*)::int as n from (select name, state from ${schema}.job union all select name, state from ${schema}.archive) j
      where name = any($1) group by name, state`,
    [Object.values(QUEUES)],
  );
  for (const row of counts.rows as { name: string; state: keyof StateCounts; n: number }[]) {
    (queues[row.name] as StateCounts)[row.state] = row.n;
  }
  const dead = await boss.getDb().executeSql(
    `select id::text, data, output, created_on from (select id, name, data, output, created_on from ${schema}.job union all select id, name, data, output, created_on from ${schema}.archive) j
      where name = $1 order by created_on desc limit $2`,
    [QUEUES.dead, limit],
  );
  const results = await db.query<{ reader_version: string; ok: number; unreadable: number }>(
    `select reader_version, count(*) filter (where ok)::int as ok, count(*) filter (where not ok)::int as unreadable
       from analysis_results group by reader_version order by reader_version`,
  );
  return {
    queues,
    dead: (dead.rows as { id: string; data: unknown; output: { message?: string; value?: { message?: string } } | null; created_on: Date }[]).map(
      (r) => ({
        id: r.id,
        queue: QUEUES.dead,
        data: r.data,
        reason: r.output?.message ?? r.output?.value?.message ?? JSON.stringify(r.output),
        failedAt: new Date(r.created_on).toISOString(),
      }),
    ),
    results: results.rows.map((r) => ({ readerVersion: r.reader_version, ok: r.ok, unreadable: r.unreadable })),
  };
}
