import { cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Database } from '../src/db/index.ts';
import { adminActor, createAgency, validateCases } from '../src/register/index.ts';
import { createUser } from '../src/server/accounts.ts';
import { startServer } from '../src/server/serve.ts';
import { randomCases } from '../src/testing/cases.ts';
import { testDatabase } from '../src/testing/db.ts';
import { peakMb } from './measure.ts';

const CASES = Number(process.env.GONGKAI_BENCH_CASES ?? 100_000);
const CLIENTS = 20;
const SECONDS = Number(process.env.GONGKAI_BENCH_SECONDS ?? 3);
const DEPARTMENTS = 4;
const PASSWORD = 'bench password 1';

/**
 * A register of `CASES` applications over four departments of a government: the rows of the
 * import template checked by the import's own validation (every rule of `gongkai import`), then
 * written in bulk with the triggers off for the load (no audit trail; a fresh register has no
 * locked year), with each case's 收到 and 答复 events. (`importCases` itself, with the audit
 * trail and the lock checks row by row, takes minutes for 100,000 rows on PGlite.)
 */
export async function build(db: Database): Promise<{ governmentId: number; seconds: number }> {
  const actor = adminActor('bench');
  const gov = await createAgency(db, actor, { name: '基准区人民政府' });
  const t0 = performance.now();
  await db.query('alter table applications disable trigger user');
  await db.query('alter table application_events disable trigger user');
  for (let i = 0; i < DEPARTMENTS; i++) {
    const dept = await createAgency(db, actor, { name: `基准区第${i + 1}局`, parentId: gov.id });
    const checked = validateCases(randomCases(100 + i, Math.round(CASES / DEPARTMENTS), [2024, 2025], `D${i}-`));
    if ('problems' in checked) throw new Error(`bench cases refused: ${JSON.stringify(checked.problems.slice(0, 3))}`);
    const c = checked.cases;
    const { rows } = await db.query<{ id: number }>(
      `insert into applications (agency_id, reference, applicant_kind, applicant_name, applicant_contact, channel, submitted_on, received_on, content, state, outcome, closed_on, clock_start)
       select $1, r, k, n, ct, ch, s::date, rc::date, co, case when cl is null then 'received' else 'closed' end, o, cl::date, rc::date
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         as t(r, k, n, ct, ch, s, rc, co, cl, o)
       returning id`,
      [
        dept.id,
        c.map((x) => x.reference),
        c.map((x) => x.kind),
        c.map((x) => x.name),
        c.map((x) => x.contact),
        c.map((x) => x.channel),
        c.map((x) => x.submittedOn),
        c.map((x) => x.receivedOn),
        c.map((x) => x.content),
        c.map((x) => x.closedOn),
        c.map((x) => x.outcome),
      ],
    );
    await db.query(
      `insert into application_events (application_id, kind, on_date, actor, data)
       select id, 'received', received_on, 'bench', jsonb_build_object('reason', '导入', 'source', 'import') from applications where id = any($1::int[])
       union all
       select id, 'answered', closed_on, 'bench', jsonb_build_object('outcome', outcome, 'source', 'import') from applications where id = any($1::int[]) and closed_on is not null`,
      [rows.map((r) => r.id)],
    );
  }
  await db.query('alter table applications enable trigger user');
  await db.query('alter table application_events enable trigger user');
  await db.query('vacuum analyze applications');
  return { governmentId: gov.id, seconds: (performance.now() - t0) / 1000 };
}

// The load clients run on a worker thread of their own: on the server's thread they would take
// its event loop and inflate every latency the bench is measuring.
const CLIENT_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const { port, cookie, path, seconds, clients } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: clients });
function get() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { cookie } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0 }));
      res.on('error', () => resolve({ status: 0, ms: 0 }));
    });
    req.on('error', () => resolve({ status: 0, ms: 0 }));
    req.end();
  });
}
(async () => {
  const times = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) {
      const r = await get();
      if (r.status === 200) times.push(r.ms); else errors++;
    }
  }));
  agent.destroy();
  parentPort.postMessage({ times, errors, wall: (performance.now() - t0) / 1000 });
})();
`;

/** `CLIENTS` clients requesting `path` back to back for `seconds`: requests per second and latency percentiles. */
async function load(port: number, cookie: string, path: string, seconds: number) {
  const cpu0 = process.cpuUsage();
  const { times, errors, wall } = await new Promise<{ times: number[]; errors: number; wall: number }>((resolve, reject) => {
    const worker = new Worker(CLIENT_CODE, { eval: true, workerData: { port, cookie, path, seconds, clients: CLIENTS } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? Number.NaN;
  // CPU of this process (server, database and the clients' thread) per request: the figure a busy machine does not inflate.
  const cpuMs = (cpu.user + cpu.system) / 1000 / Math.max(1, times.length + errors);
  return { count: times.length, errors, perSecond: times.length / wall, p50: at(0.5), p95: at(0.95), p99: at(0.99), cpuMs };
}

/**
 * The case list over HTTP: a register of 100,000 cases, the server on loopback, 20 clients with
 * keep-alive for a few seconds per request kind, logged in as the government's clerk (every
 * department in view). Prints requests per second and p50/p95/p99; asserts nothing.
 */
export async function benchHttp(): Promise<void> {
  console.log(`\n## 网页服务：申请列表（${CASES} 件，${CLIENTS} 个并发客户端，每项 ${SECONDS} 秒）`);
  const db = await testDatabase();
  const cpu0 = process.cpuUsage();
  const { governmentId, seconds } = await build(db);
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`建立台账（${db.kind}，导入校验后批量写入）：${CASES} 件 ${seconds.toFixed(1)} 秒（CPU ${cpuSeconds.toFixed(1)} 秒）`);
  await createUser(db, 'bench', { username: 'bench', role: 'clerk', agencyId: governmentId, password: PASSWORD });
  const server = await startServer({ db, host: '127.0.0.1', port: 0, webRoot: '', log: (e) => console.error(e) });
  try {
    const login = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`bench login failed: ${login.status}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const base = `/api/applications?agency=${governmentId}&departments=1`;
    const scenarios: [string, string][] = [
      ['第一页', base],
      ['筛选（2025年度、未办结）', `${base}&year=2025&open=1`],
      ['搜索 q=申请人123', `${base}&q=${encodeURIComponent('申请人123')}`],
      ['深翻页 offset=50000', `${base}&offset=50000`],
    ];
    await load(server.port, cookie, base, 1); // warm up
    for (const [label, path] of scenarios) {
      const r = await load(server.port, cookie, path, SECONDS);
      console.log(
        `${label.padEnd(24)} ${String(r.count).padStart(6)} 次  ${r.perSecond.toFixed(0).padStart(5)} 次/秒  P50 ${r.p50.toFixed(1)} ms  P95 ${r.p95.toFixed(1)} ms  P99 ${r.p99.toFixed(1)} ms  CPU ${r.cpuMs.toFixed(1)} ms/次${r.errors ? `  失败 ${r.errors}` : ''}`,
      );
    }
    console.log(
      `峰值内存 ${peakMb()} MB  系统负载 ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}（${cpus().length} 核；负载高于核数时延迟随之放大）`,
    );
  } finally {
    await server.close();
    await db.close();
  }
}
