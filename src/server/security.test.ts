import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { FailureLimiter } from './rate-limit.ts';
import { withDatabase } from '../testing/db.ts';
import { TEST_PASSWORD, withServer } from './test-server.ts';

test('passwords: salted scrypt hashes, verified in constant time; a malformed hash never matches', async () => {
  const a = await hashPassword('一个足够长的密码');
  const b = await hashPassword('一个足够长的密码');
  assert.notEqual(a, b, 'salted');
  assert.match(a, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('一个足够长的密码', a), true);
  assert.equal(await verifyPassword('一个足够长的密码 ', a), false);
  assert.equal(await verifyPassword('x', 'plain'), false);
  assert.match(generatePassword(), /^[A-HJ-NP-Za-km-z2-9]{16}$/);
});

test('rate limit: refuses after max failures in the window, frees the key as failures age out, clears on success; kept in the database', () =>
  withDatabase(async (db) => {
    let now = Date.parse('2026-01-05T08:00:00Z');
    const start = now;
    const limiter = new FailureLimiter(db, 'user', 3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      assert.equal(await limiter.retryAfter('k'), 0);
      await limiter.fail('k');
      now += 1000;
    }
    assert.equal(await limiter.retryAfter('k'), 57);
    // A new limiter over the same database (a restarted server) still refuses.
    const restarted = new FailureLimiter(db, 'user', 3, 60_000, () => now);
    assert.equal(await restarted.retryAfter('k'), 57);
    assert.equal(await new FailureLimiter(db, 'client', 3, 60_000, () => now).retryAfter('k'), 0, 'kinds are separate');
    now = start + 60_001;
    assert.equal(await limiter.retryAfter('k'), 0, 'the first failure left the window');
    await limiter.fail('k');
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from login_failures');
    assert.equal(rows[0]?.n, 3, 'failures older than the window are pruned');
    await limiter.clear('k');
    assert.equal(await limiter.retryAfter('k'), 0);
  }));

test('server security: behind a trusted HTTPS proxy the cookies are Secure; without trust the header is ignored', async () => {
  for (const trustProxy of [true, false]) {
    await withServer(
      async (t) => {
        await t.as('root', 'admin', null);
        const reply = await fetch(`${t.url}/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
          body: JSON.stringify({ username: 'root', password: TEST_PASSWORD }),
        });
        const session = reply.headers.getSetCookie().find((s) => s.startsWith('gk_session=')) ?? '';
        assert.equal(/;\s*Secure/i.test(session), trustProxy, session);
        assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(reply.headers.get('cache-control'), 'no-store');
      },
      { trustProxy },
    );
  }
});
