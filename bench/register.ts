import { adminActor } from '../src/register/actor.ts';
import { openDatabase } from '../src/db/index.ts';
import type { Database } from '../src/db/index.ts';
import { createAgency, importCases, reportFromRegister, seedCalendar } from '../src/register/index.ts';
import { randomCases } from '../src/testing/cases.ts';
import { testDatabase } from '../src/testing/db.ts';
import { peakMb } from './measure.ts';

/** An administrator of the test register. */
const as = (userId: string) => adminActor(userId);

const OUTCOMES_SQL = `(array['granted','partial','refused.third_party','refused.process_info','unable.not_held','unable.needs_creation','rejected.duplicate','rejected.petition','other.other','other.no_correction'])`;
const KINDS_SQL = `(array['natural','natural','natural','natural','business','research','social','legal','other_org'])`;

/** Loads `count` applications over 2023–2025 straight into the table (triggers off for the load). */
async function load(db: Database, agencyId: number, count: number): Promise<void> {
  await db.query('alter table applications disable trigger user');
  for (let from = 0; from < count; from += 250_000) {
    const n = Math.min(250_000, count - from);
    await db.query(
      `insert into applications (agency_id, applicant_kind, applicant_name, channel, submitted_on, received_on, content, state, outcome, closed_on, clock_start)
       select $1, ${KINDS_SQL}[1 + (i % 9)], '申请人', 'online', d, d, '内容',
              case when i % 17 = 0 then 'received' else 'closed' end,
              case when i % 17 = 0 then null else ${OUTCOMES_SQL}[1 + (i % 10)] end,
              case when i % 17 = 0 then null else d + (i % 40) end, d
       from (select i, date '2023-01-01' + (i % 1095) as d from generate_series($2::int, $3::int) as i) s`,
      [agencyId, from, from + n - 1],
    );
  }
  await db.query('alter table applications enable trigger user');
  await db.query('analyze applications');
}

async function reportTimes(db: Database, agencyId: number): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await reportFromRegister(db, as('a'), agencyId, 2024);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return `中位 ${times[1]?.toFixed(0)} ms（3 次：${times.map((t) => t.toFixed(0)).join('、')} ms）`;
}

/** The report from 1,000,000 applications (PGlite, and PostgreSQL when a server is given), and import throughput. */
export async function benchRegister(): Promise<void> {
  console.log('\n## 台账');
  const count = 1_000_000;
  const lite = await openDatabase({ dataDir: 'memory://' });
  await seedCalendar(lite);
  const a = await createAgency(lite, as('bench'), { name: '基准测试局' });
  let t0 = performance.now();
  await load(lite, a.id, count);
  console.log(`PGlite：载入 ${count} 件申请 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
  console.log(`PGlite：由 ${count} 件申请生成年度报告 ${await reportTimes(lite, a.id)}  峰值内存 ${peakMb()} MB`);
  await lite.close();

  const server = process.env.GONGKAI_TEST_PG ?? process.env.GONGKAI_BENCH_PG;
  if (server) {
    const pg = await openDatabase({ url: server });
    await pg.query('truncate applications, application_events, agencies, audit_log restart identity cascade');
    const b = await createAgency(pg, as('bench'), { name: '基准测试局' });
    t0 = performance.now();
    await load(pg, b.id, count);
    console.log(`PostgreSQL：载入 ${count} 件申请 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
    console.log(`PostgreSQL：由 ${count} 件申请生成年度报告 ${await reportTimes(pg, b.id)}`);
    await pg.query('truncate applications, application_events, agencies, audit_log restart identity cascade');
    await pg.close();
  } else console.log('（未提供 PostgreSQL 服务器：用 bash scripts/with-postgres.sh npm run bench register 一并测试）');

  const db = await testDatabase();
  const agency = await createAgency(db, as('bench'), { name: '导入测试局' });
  const rows = randomCases(9, 20_000, [2023, 2024]);
  t0 = performance.now();
  await importCases(db, as('bench'), agency.id, rows);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`导入（${db.kind}，含校验、审计、锁检查）：${rows.length} 行 ${seconds.toFixed(1)} 秒，${Math.round(rows.length / seconds)} 行/秒`);
  await db.close();
}
