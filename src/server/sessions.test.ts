import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDatabase } from '../testing/db.ts';
import { createUser, SESSION_HOURS, SESSION_MAX_HOURS } from './accounts.ts';
import { startServer } from './serve.ts';
import { Client, TEST_PASSWORD, withServer } from './test-server.ts';

async function seconds(t: { db: { query: (sql: string) => Promise<{ rows: unknown[] }> } }, expression: string): Promise<number> {
  const { rows } = await t.db.query(`select extract(epoch from ${expression})::float8 as s from sessions`);
  return (rows[0] as { s: number }).s;
}

function maxAge(headers: Headers): number | undefined {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('gk_session='));
  const m = cookie ? /Max-Age=(\d+)/i.exec(cookie) : null;
  return m ? Number(m[1]) : undefined;
}

test('sessions: each use slides the expiry forward (idle timeout) up to the absolute maximum after login; then the session is over', () =>
  withServer(async (t) => {
    assert.equal(SESSION_HOURS, 12);
    assert.equal(SESSION_MAX_HOURS, 24);
    const c = await t.as('clerk', 'admin', null);
    const fresh = await c.get('/api/me');
    assert.equal(fresh.status, 200);
    assert.equal(maxAge(fresh.headers), undefined, 'a session used within the minute is not rewritten');

    // Used an hour after login with an hour left: it slides to twelve hours from now.
    await t.db.query("update sessions set created_at = now() - interval '1 hour', expires_at = now() + interval '1 hour'");
    const slid = await c.get('/api/me');
    assert.equal(slid.status, 200);
    const left = await seconds(t, 'expires_at - now()');
    assert.ok(Math.abs(left - SESSION_HOURS * 3600) < 60, String(left));
    const age = maxAge(slid.headers) as number;
    assert.ok(Math.abs(age - SESSION_HOURS * 3600) < 60, `cookies follow: Max-Age ${age}`);
    assert.ok(slid.headers.getSetCookie().some((s) => s.startsWith('gk_csrf=')));

    // Twenty hours after login: it slides only up to 24 hours after login.
    await t.db.query("update sessions set created_at = now() - interval '20 hours', expires_at = now() + interval '10 minutes'");
    const capped = await c.get('/api/me');
    assert.equal(capped.status, 200);
    assert.ok(Math.abs((await seconds(t, 'expires_at - created_at')) - SESSION_MAX_HOURS * 3600) < 60);
    assert.ok(Math.abs((maxAge(capped.headers) as number) - 4 * 3600) < 60);

    // Idle past the expiry: over.
    await t.db.query("update sessions set created_at = now() - interval '2 hours', expires_at = now() - interval '1 second'");
    assert.equal((await c.get('/api/me')).status, 401);
    // Past the absolute maximum, whatever the stored expiry says: over.
    const d = await t.as('second', 'admin', null);
    await t.db.query(
      "update sessions set created_at = now() - interval '25 hours', expires_at = now() + interval '1 hour' where user_id = (select id from users where username = 'second')",
    );
    assert.equal((await d.get('/api/me')).status, 401);
  }));

test('login rate limiting survives a restart: failures are counted in the database', async () => {
  const db = await testDatabase();
  try {
    await createUser(db, 'test', { username: 'wang', role: 'admin', agencyId: null, password: TEST_PASSWORD });
    const options = { db, host: '127.0.0.1', port: 0, log: () => undefined, webRoot: '', login: { maxPerUser: 3, maxPerClient: 50 } };
    const first = await startServer(options);
    try {
      const c = new Client(first.url);
      for (let i = 0; i < 3; i++) assert.equal((await c.post('/api/login', { username: 'wang', password: `guess ${i}` })).status, 401);
    } finally {
      await first.close();
    }
    const second = await startServer(options);
    try {
      const c = new Client(second.url);
      const refused = await c.post('/api/login', { username: 'WANG', password: TEST_PASSWORD });
      assert.equal(refused.status, 429, 'a restarted server still refuses');
      assert.match(refused.body.error.message, /^登录失败次数过多，请\d+分钟后再试$/);
      assert.ok(Number(refused.headers.get('retry-after')) > 800);
      // Another user name from the same client is not affected below the client limit.
      await createUser(db, 'test', { username: 'li', role: 'admin', agencyId: null, password: TEST_PASSWORD });
      assert.equal((await c.post('/api/login', { username: 'li', password: TEST_PASSWORD })).status, 200);
    } finally {
      await second.close();
    }
  } finally {
    await db.close();
  }
});
