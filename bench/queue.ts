// `npm run bench queue`: documents/s through the PostgreSQL job queue with 1 and 2 worker
// processes, and the queue's own cost per job. Starts a throw-away server with
// scripts/with-postgres.sh unless GONGKAI_TEST_PG names one; skips with the reason otherwise.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { storeFetch } from '../src/collect/index.ts';
import { openDatabase } from '../src/db/index.ts';
import { analyze } from '../src/pipeline/index.ts';
import { enqueueAnalyze, openBoss } from '../src/queue/index.ts';
import { renderHtml } from '../src/render/index.ts';
import { randomReport } from '../src/testing/random-report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function postgresBinaries(): boolean {
  if (!existsSync('/usr/lib/postgresql')) return false;
  return readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
}

/** The bench entry: runs itself under a throw-away server when none is given. */
export async function benchQueue(count = 60): Promise<void> {
  console.log(`\n## 任务队列（pg-boss，PostgreSQL）：${count} 个 HTML 报告，1 个和 2 个 gongkai worker 进程`);
  if (process.env.GONGKAI_TEST_PG) return measure(process.env.GONGKAI_TEST_PG, count);
  if (!postgresBinaries()) {
    console.log('跳过：未找到 PostgreSQL 服务器程序（Debian 软件包 postgresql），无法启动临时数据库');
    return;
  }
  spawnSync('bash', ['scripts/with-postgres.sh', process.execPath, '--import', 'tsx', 'bench/queue.ts', String(count)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

async function measure(server: string, count: number): Promise<void> {
  const name = `gk_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  const boss = await openBoss(url.toString());
  const docs: { sha256: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = new TextEncoder().encode(renderHtml(randomReport(1000 + i, { format: '2021' })));
    const s = await storeFetch(db, { url: `http://bench.invalid/r${i}.html`, kind: 'page', status: 200, body: bytes, fetchedAt: new Date() });
    docs.push({ sha256: s.sha256 as string, bytes });
  }
  // Without the queue: the same documents read and checked in this process.
  let t0 = performance.now();
  for (const d of docs) await analyze(d.bytes, 'r.html');
  const direct = count / ((performance.now() - t0) / 1000);
  console.log(`不经队列（本进程直接读取与核对，不写库）：${direct.toFixed(1)} 份/秒`);

  const results = async (version: string) =>
    (await db.query<{ n: number }>('select count(*)::int as n from analysis_results where reader_version = $1', [version])).rows[0]?.n ?? 0;
  for (const processes of [1, 2]) {
    const children: ChildProcess[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < processes; i++) {
      const child = spawn(process.execPath, ['bin/gongkai.js', 'worker', '--quiet'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url.toString() },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      ready.push(new Promise((resolve) => child.stderr?.on('data', (c: Buffer) => /已启动/.test(c.toString()) && resolve())));
      children.push(child);
    }
    await Promise.all(ready);
    const version = `bench-${processes}`;
    t0 = performance.now();
    for (const d of docs) await enqueueAnalyze(boss, { sha256: d.sha256, readerVersion: version });
    while ((await results(version)) < count) await sleep(50);
    const seconds = (performance.now() - t0) / 1000;
    console.log(`经队列，${processes} 个 worker 进程：${(count / seconds).toFixed(1)} 份/秒（含入队与结果写库，${seconds.toFixed(1)} 秒）`);
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((resolve) => c.once('exit', resolve))));
  }

  // The queue's own cost: empty jobs through send → fetch → complete, one at a time.
  const noop = 'gongkai-bench-noop';
  await boss.createQueue(noop, { name: noop });
  let done = 0;
  let id = '';
  id = await boss.work(noop, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async () => {
    done++;
    boss.notifyWorker(id);
  });
  t0 = performance.now();
  for (let i = 0; i < count; i++) await boss.send(noop, { i });
  while (done < count) await sleep(10);
  const perJob = (performance.now() - t0) / count;
  console.log(`队列本身的开销：每个空任务 ${perJob.toFixed(1)} 毫秒（入队、领取、完成；单个进程依次处理，有任务时不等轮询间隔）`);
  await boss.stop({ graceful: false });
  await db.close();
  await sleep(500);
  await admin.query(`drop database if exists ${name}`).catch(() => undefined);
  await admin.end();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.env.GONGKAI_TEST_PG) {
  await measure(process.env.GONGKAI_TEST_PG, Number(process.argv[2] ?? 60));
  process.exit(0);
}
