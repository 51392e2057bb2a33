// Several `gongkai worker` processes on one PostgreSQL server: a worker killed mid-job, a job
// that fails every attempt. Needs a server: run by `npm run test:pg` (GONGKAI_TEST_PG).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { storeFetch } from '../collect/index.ts';
import { openDatabase } from '../db/index.ts';
import { renderHtml } from '../render/index.ts';
import { randomReport } from '../testing/random-report.ts';
import { enqueueAnalyze, openBoss, QUEUES, READER_VERSION } from './index.ts';

const server = process.env.GONGKAI_TEST_PG;
const bin = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 150_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

test(
  'workers: a worker killed mid-job → the job is retried, every result stored exactly once; a failing job reaches the dead letters',
  {
    skip: server ? false : '需要 PostgreSQL 服务器：用 npm run test:pg 运行（设置 GONGKAI_TEST_PG）',
    timeout: 400_000,
  },
  async () => {
    const name = `gk_queue_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(server as string);
    url.pathname = `/${name}`;
    const env = {
      ...process.env,
      DATABASE_URL: url.toString(),
      GONGKAI_FROM_SOURCE: '1',
      GONGKAI_QUEUE_EXPIRE_SECONDS: '4',
      GONGKAI_QUEUE_MAINTENANCE_SECONDS: '1',
      GONGKAI_QUEUE_RETRY_LIMIT: '2',
      GONGKAI_QUEUE_RETRY_DELAY_SECONDS: '0',
    };
    Object.assign(process.env, {
      GONGKAI_QUEUE_EXPIRE_SECONDS: '4',
      GONGKAI_QUEUE_MAINTENANCE_SECONDS: '1',
      GONGKAI_QUEUE_RETRY_LIMIT: '2',
      GONGKAI_QUEUE_RETRY_DELAY_SECONDS: '0',
    });
    const db = await openDatabase({ url: url.toString() });
    const boss = await openBoss(url.toString());
    const workers: ChildProcess[] = [];
    const log: string[] = [];
    const start = (hold: number) => {
      const child = spawn(process.execPath, [bin, 'worker'], {
        env: { ...env, GONGKAI_WORKER_HOLD_MS: String(hold) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // The workers' output, shown when the test fails.
      child.stdout?.on('data', (chunk: Buffer) => log.push(`[${child.pid}] ${chunk.toString().trim()}`));
      child.stderr?.on('data', (chunk: Buffer) => log.push(`[${child.pid}] ${chunk.toString().trim()}`));
      workers.push(child);
      return child;
    };
    try {
      const hashes: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = randomReport(100 + i, { format: '2021' });
        const body = new TextEncoder().encode(renderHtml(r));
        const stored = await storeFetch(db, { url: `http://127.0.0.1/r${i}.html`, kind: 'page', status: 200, body, fetchedAt: new Date() });
        hashes.push(stored.sha256 as string);
      }
      const junk = await storeFetch(db, {
        url: 'http://127.0.0.1/x.pdf',
        kind: 'attachment',
        status: 200,
        body: new Uint8Array([1, 2, 3, 4]),
        fetchedAt: new Date(),
      });
      hashes.push(junk.sha256 as string);
      for (const [i, sha256] of hashes.entries())
        assert.ok(await enqueueAnalyze(boss, { sha256, url: `http://127.0.0.1/r${i}`, readerVersion: READER_VERSION }));
      assert.equal(
        await enqueueAnalyze(boss, { sha256: hashes[0] as string, readerVersion: READER_VERSION }),
        false,
        'a waiting job is not queued twice',
      );
      // Never stored: fails on every attempt.
      await enqueueAnalyze(boss, { sha256: 'f'.repeat(64), readerVersion: READER_VERSION });

      // Worker A holds each document for a minute between reading and storing; kill it mid-job.
      const a = start(60_000);
      const victim = await until('an active job', async () => {
        const rows = (
          await boss
            .getDb()
            .executeSql(`select id::text from pgboss.job where name = $1 and state = 'active' and data->>'sha256' <> $2`, [
              QUEUES.analyze,
              'f'.repeat(64),
            ])
        ).rows as { id: string }[];
        return rows[0]?.id;
      });
      a.kill('SIGKILL');
      await new Promise((resolve) => a.once('exit', resolve));
      start(0);
      start(0);

      const count = async () => (await db.query<{ n: number }>('select count(*)::int as n from analysis_results')).rows[0]?.n ?? 0;
      await until('every result', async () => ((await count()) === hashes.length ? true : undefined));
      const dead = await until('the dead letter', async () => {
        const rows = (await boss.getDb().executeSql(`select data, output from pgboss.job where name = $1`, [QUEUES.dead])).rows as {
          data: { sha256: string };
          output: unknown;
        }[];
        return rows.length ? rows : undefined;
      });
      await sleep(1500);
      const results = (
        await db.query<{ sha256: string; ok: boolean; n: number }>(
          'select sha256, bool_and(ok) as ok, count(*)::int as n from analysis_results group by sha256',
        )
      ).rows;
      assert.equal(results.length, hashes.length);
      assert.ok(
        results.every((r) => r.n === 1),
        'one result per document',
      );
      assert.deepEqual(
        results.filter((r) => !r.ok).map((r) => r.sha256),
        [junk.sha256],
      );
      const killed = (
        await boss
          .getDb()
          .executeSql(
            `select state::text, retry_count from pgboss.job where id = $1 union all select state::text, retry_count from pgboss.archive where id = $1`,
            [victim],
          )
      ).rows as { state: string; retry_count: number }[];
      assert.equal(killed[0]?.state, 'completed');
      assert.ok((killed[0]?.retry_count ?? 0) >= 1, 'the killed job was retried');
      assert.equal(dead.length, 1);
      assert.equal(dead[0]?.data.sha256, 'f'.repeat(64));
      assert.match(JSON.stringify(dead[0]?.output), /not stored/);
      // The full report, cells and findings are stored as JSON for the reviewer console.
      const one = (
        await db.query<{ cells: Record<string, unknown>; findings: unknown[]; provenance: { reader_version: string } }>(
          'select cells, findings, provenance from analysis_results where ok limit 1',
        )
      ).rows[0];
      assert.ok(Object.keys(one?.cells ?? {}).length > 50);
      assert.ok(Array.isArray(one?.findings));
      assert.equal(one?.provenance.reader_version, READER_VERSION);
    } catch (error) {
      console.error(log.join('\n'));
      throw error;
    } finally {
      for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
      const exited = Promise.all(
        workers.map((w) => (w.exitCode === null && w.signalCode === null ? new Promise((resolve) => w.once('exit', resolve)) : undefined)),
      );
      await Promise.race([exited, sleep(15_000)]);
      for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
      const stopped = new Promise((resolve) => boss.once('stopped', resolve));
      await boss.stop({ graceful: false });
      await Promise.race([stopped, sleep(10_000)]);
      await db.close();
      // Without (force): a connection pg-boss has not closed yet must not be killed under it (the server is throw-away).
      await admin.query(`drop database if exists ${name}`).catch(() => undefined);
      await admin.end();
    }
  },
);
