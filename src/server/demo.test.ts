import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EVENT_KINDS } from '../register/index.ts';
import { testDatabase } from '../testing/db.ts';
import { DEMO_PASSWORD, DEMO_USERS, prepareStart, seedDemo } from './demo.ts';
import { chinaToday } from './http.ts';
import { USER_ROLES } from './roles.ts';
import { withServer } from './test-server.ts';

const count = async (db: { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }, sql: string, params: unknown[] = []) =>
  Number((((await db.query(sql, params)).rows[0] as { n: unknown }) ?? { n: 0 }).n);

test('demo: an empty database gets two years of cases through every step, both years of table A and texts, reviews, last year locked, users of each role who can log in; a second start adds nothing', () =>
  withServer(async (t) => {
    const today = chinaToday();
    const thisYear = Number(today.slice(0, 4));
    const started = await prepareStart(t.db, { demo: true });
    assert.ok(started.demo, 'the demo is created on an empty database');
    assert.equal(started.firstAdmin, undefined, 'no one-time administrator beside the demo accounts');
    const demo = started.demo;
    assert.deepEqual([demo.lastYear, demo.thisYear], [thisYear - 1, thisYear]);
    assert.ok(Object.keys(demo.agencies).length >= 5, 'a government with several departments');

    // Both years: last year complete, this year up to today.
    const byYear = (
      await t.db.query<{ y: number; n: number }>(
        'select extract(year from received_on)::int as y, count(*)::int as n from applications group by 1 order by 1',
      )
    ).rows;
    assert.deepEqual(
      byYear.map((r) => r.y),
      [thisYear - 1, thisYear],
    );
    for (const r of byYear) assert.ok(r.n >= 100, `${r.y}: ${r.n} cases`);
    assert.equal(await count(t.db, 'select count(*) as n from applications where received_on > $1', [today]), 0, 'nothing received after today');
    assert.equal(await count(t.db, 'select count(*) as n from application_events where on_date > $1', [today]), 0, 'nothing happens after today');
    // Every step of the lifecycle, varied outcomes, open cases.
    const kinds = (await t.db.query<{ kind: string }>('select distinct kind from application_events')).rows.map((r) => r.kind).sort();
    assert.deepEqual(kinds, ['received', ...Object.keys(EVENT_KINDS)].sort());
    assert.ok((await count(t.db, 'select count(distinct outcome) as n from applications')) >= 12, 'outcomes of table 三 varied');
    assert.ok((await count(t.db, 'select count(*) as n from applications where closed_on is null')) >= 4, 'some cases still open');
    // Table A and section texts for both years of every agency; reviews and lawsuits; last year published.
    const agencies = Object.keys(demo.agencies).length;
    assert.equal(await count(t.db, 'select count(distinct (agency_id, year)) as n from proactive_stats'), agencies * 2);
    assert.equal(await count(t.db, 'select count(distinct (agency_id, year)) as n from report_texts'), agencies * 2);
    // Documents in force carry over from last year (the cross-year-in-force rule holds for every agency).
    const broken = await count(
      t.db,
      `select count(*) as n from proactive_stats cur join proactive_stats prev
         on prev.agency_id = cur.agency_id and prev.year = cur.year - 1 and prev.key = cur.key and cur.key = 'a.normative.in_force'
       where cur.value <> prev.value
         + (select value from proactive_stats where agency_id = cur.agency_id and year = cur.year and key = 'a.normative.issued')
         - (select value from proactive_stats where agency_id = cur.agency_id and year = cur.year and key = 'a.normative.repealed')`,
    );
    assert.equal(broken, 0, 'in force = last year + issued − repealed');
    const reviews = (await t.db.query<{ kind: string }>('select distinct kind from reviews')).rows.map((r) => r.kind);
    assert.ok(reviews.includes('review') && reviews.some((k) => k.startsWith('suit')), `reviews and lawsuits: ${reviews}`);
    assert.deepEqual((await t.db.query('select agency_id as "agencyId", year from year_locks')).rows, [
      { agencyId: demo.governmentId, year: thisYear - 1 },
    ]);

    // Every demo user logs in with the printed password; the roles are all there.
    assert.deepEqual([...new Set(DEMO_USERS.map((u) => u.role))].sort(), Object.keys(USER_ROLES).sort());
    for (const u of DEMO_USERS) {
      const c = t.client();
      const reply = await c.login(u.username, DEMO_PASSWORD);
      assert.equal(reply.body.user.role, u.role);
      assert.equal(reply.body.user.mustChangePassword, false);
    }
    // The published year refuses a change, through the API as the department's clerk.
    const clerk = t.client();
    await clerk.login('jiaoyu', DEMO_PASSWORD);
    const eduId = demo.agencies['东湖区教育局'];
    const locked = await clerk.put(`/api/agencies/${eduId}/texts/${thisYear - 1}/5`, { text: '改写' });
    assert.equal(locked.status, 423, JSON.stringify(locked.body));
    assert.equal((await clerk.put(`/api/agencies/${eduId}/texts/${thisYear}/5`, { text: '改写' })).status, 200);

    // A second start finds the database in use: nothing more, and no one-time administrator.
    const before = await count(t.db, 'select count(*) as n from applications');
    assert.deepEqual(await prepareStart(t.db, { demo: true }), {});
    assert.equal(await seedDemo(t.db), undefined);
    assert.equal(await count(t.db, 'select count(*) as n from applications'), before);
    assert.equal(await count(t.db, 'select count(*) as n from users'), DEMO_USERS.length);

    // The dashboard of the district with its departments shows cases due soon and one overdue, each explained.
    const luru = t.client();
    await luru.login('luru', DEMO_PASSWORD);
    const board = await luru.get(`/api/dashboard?departments=1`);
    assert.equal(board.status, 200, JSON.stringify(board.body));
    assert.equal(board.body.today, today);
    assert.ok(board.body.dueSoon.length >= 3, `due soon: ${board.body.dueSoon.length}`);
    assert.ok(board.body.overdue.length >= 1);
    for (const item of [...board.body.dueSoon, ...board.body.overdue]) {
      assert.ok(item.explanation.length >= 2 && item.explanation.every((s: unknown) => typeof s === 'string'));
      assert.match(item.agencyName, /^东湖区/);
      assert.match(item.applicant, /\*/);
    }
    assert.equal(
      board.body.counts.received,
      await count(t.db, 'select count(*) as n from applications where received_on >= make_date($1, 1, 1)', [thisYear]),
    );
  }));

test('demo: the same day gives the same demo; --no-demo seeds nothing and creates the one-time administrator', async () => {
  const rows = async (today: string) => {
    const db = await testDatabase();
    try {
      await seedDemo(db, today);
      return (
        await db.query(
          'select agency_id, reference, applicant_name, applicant_contact, received_on::text, state, outcome, closed_on::text, extension_days from applications order by id',
        )
      ).rows;
    } finally {
      await db.close();
    }
  };
  const a = await rows('2026-03-10');
  assert.ok(a.length > 50);
  assert.deepEqual(await rows('2026-03-10'), a);

  const db = await testDatabase();
  try {
    const started = await prepareStart(db, { demo: false });
    assert.equal(started.demo, undefined);
    assert.equal(started.firstAdmin?.username, 'admin');
    assert.equal(await count(db, 'select count(*) as n from agencies'), 0);
    assert.equal(await count(db, 'select count(*) as n from applications'), 0);
    // Once someone uses the database, a start with the demo does not add it.
    assert.deepEqual(await prepareStart(db, { demo: true }), {});
    assert.equal(await count(db, 'select count(*) as n from agencies'), 0);
  } finally {
    await db.close();
  }
});
