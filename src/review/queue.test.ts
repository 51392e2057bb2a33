import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../db/index.ts';
import { ReviewRuntime } from './runtime.ts';

const server = process.env.GONGKAI_TEST_PG;

test(
  'review queue: on a PostgreSQL server the collection queue’s counts and stored results; disabled without its address',
  { skip: server ? false : '需要 PostgreSQL 服务器：用 npm run test:pg 运行（设置 GONGKAI_TEST_PG）', timeout: 120_000 },
  async () => {
    const name = `gk_review_queue_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(server as string);
    url.pathname = `/${name}`;
    const db = await openDatabase({ url: url.toString() });
    const runtime = new ReviewRuntime(db, { queueUrl: url.toString(), log: () => undefined });
    try {
      assert.deepEqual(await new ReviewRuntime(db).queue(), { enabled: false, reason: '采集队列需要 PostgreSQL 服务器（DATABASE_URL）' });
      await db.query("insert into crawl_blobs (sha256, size, content) values (repeat('a', 64), 1, 'x')");
      await db.query("insert into analysis_results (sha256, reader_version, ok) values (repeat('a', 64), 'v1', true)");
      const status = await runtime.queue();
      assert.equal(status.enabled, true);
      if (!status.enabled) return;
      assert.deepEqual(Object.keys(status.queues).sort(), ['gongkai-analyze', 'gongkai-collect', 'gongkai-dead']);
      assert.deepEqual(status.queues['gongkai-analyze'], { created: 0, retry: 0, active: 0, completed: 0, failed: 0, cancelled: 0 });
      assert.deepEqual(status.results, [{ readerVersion: 'v1', ok: 1, unreadable: 0 }]);
      assert.deepEqual(status.dead, []);
    } finally {
      await runtime.close();
      await db.close();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  },
);
