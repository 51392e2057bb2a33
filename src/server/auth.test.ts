import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminActor, createAgency } from '../register/index.ts';
import { ensureFirstAdmin, findUser } from './accounts.ts';
import { verifyPassword } from './passwords.ts';
import { TEST_PASSWORD, withServer } from './test-server.ts';

test('server auth: login sets an HttpOnly SameSite=Strict session cookie; /me works; logout ends the session', () =>
  withServer(async (t) => {
    const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局' });
    const c = await t.as('li', 'clerk', agency.id);
    const me = await c.get('/api/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.user.username, 'li');
    assert.equal(me.body.user.roleName, '录入员');
    assert.deepEqual(me.body.agencies, [agency.id]);

    const raw = await fetch(`${t.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'li', password: TEST_PASSWORD }),
    });
    const cookies = raw.headers.getSetCookie();
    const session = cookies.find((s) => s.startsWith('gk_session='));
    assert.match(session ?? '', /HttpOnly/);
    assert.match(session ?? '', /SameSite=Strict/);
    assert.doesNotMatch(session ?? '', /Secure/, 'plain HTTP on loopback: no Secure flag');
    assert.doesNotMatch(cookies.find((s) => s.startsWith('gk_csrf=')) ?? '', /HttpOnly/, 'the page must read the CSRF cookie');

    assert.equal((await c.post('/api/logout')).status, 200);
    const after = await c.get('/api/me');
    assert.equal(after.status, 401);
    assert.equal(after.body.error.code, 'unauthenticated');
  }));

test('server auth: a wrong password and an unknown user get the same 401; no session without login', () =>
  withServer(async (t) => {
    await t.as('admin1', 'admin', null);
    const c = t.client();
    const wrong = await c.post('/api/login', { username: 'admin1', password: 'wrong password' });
    const unknown = await c.post('/api/login', { username: 'nobody', password: 'wrong password' });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body.error.message, unknown.body.error.message);
    assert.equal((await c.get('/api/applications')).status, 401);
    assert.equal((await c.get('/api/agencies')).status, 401);
  }));

test('server auth: login is rate-limited per user name (429 with Retry-After), even for the right password', () =>
  withServer(
    async (t) => {
      await t.as('wang', 'admin', null);
      const c = t.client();
      for (let i = 0; i < 3; i++) assert.equal((await c.post('/api/login', { username: 'wang', password: `guess ${i}` })).status, 401);
      const limited = await c.post('/api/login', { username: 'wang', password: TEST_PASSWORD });
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error.code, 'too_many');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      // Per client address too: other user names from the same client are refused after enough failures.
      for (let i = 0; i < 3; i++) await c.post('/api/login', { username: `u${i}`, password: 'x' });
      assert.equal((await c.post('/api/login', { username: 'someone', password: 'x' })).status, 429);
    },
    { login: { maxPerUser: 3, maxPerClient: 6 } },
  ));

test('server auth: state-changing requests without the CSRF token are refused (403); with it they pass', () =>
  withServer(async (t) => {
    const c = await t.as('root', 'admin', null);
    const without = await c.request('POST', '/api/agencies', { json: { name: '甲局' }, csrf: false });
    assert.equal(without.status, 403);
    assert.match(without.body.error.message, /CSRF/);
    const wrong = await c.request('POST', '/api/agencies', { json: { name: '甲局' }, csrf: false, headers: { 'x-csrf-token': 'x'.repeat(43) } });
    assert.equal(wrong.status, 403);
    assert.equal((await c.get('/api/agencies')).body.items.length, 0, 'nothing was created');
    const ok = await c.post('/api/agencies', { name: '甲局' });
    assert.equal(ok.status, 201);
    // A cross-site form cannot send JSON: a form-encoded body is refused before anything else.
    const form = await c.request('POST', '/api/agencies', { body: 'name=乙局', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(form.status, 400);
  }));

test('server auth: the first administrator gets a one-time password, printed once, that must be changed first', () =>
  withServer(async (t) => {
    const first = await ensureFirstAdmin(t.db);
    assert.ok(first);
    assert.equal(first.username, 'admin');
    assert.ok(first.password.length >= 16);
    assert.equal(await ensureFirstAdmin(t.db), undefined, 'only when there is no user');
    const stored = await findUser(t.db, 'admin');
    assert.ok(stored && stored.passwordHash.startsWith('scrypt$') && !stored.passwordHash.includes(first.password));
    assert.ok(await verifyPassword(first.password, stored.passwordHash));

    const c = t.client();
    await c.login('admin', first.password);
    const blocked = await c.get('/api/agencies');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.error.details.mustChangePassword, true);
    assert.equal((await c.post('/api/me/password', { current: first.password, password: 'short' })).status, 400);
    assert.equal((await c.post('/api/me/password', { current: 'wrong', password: 'a new long password' })).status, 401);
    assert.equal((await c.post('/api/me/password', { current: first.password, password: 'a new long password' })).status, 200);
    assert.equal((await c.get('/api/agencies')).status, 200);
    // The audit trail records the user, never the hash.
    const audit = await t.db.query<{ after: Record<string, unknown> }>("select after from audit_log where table_name = 'users'");
    assert.ok(audit.rows.length >= 2);
    for (const r of audit.rows) assert.equal('password_hash' in r.after, false);
  }));

test('server auth: an administrator disables a user (their sessions end) and resets a password (one-time again); never their own', () =>
  withServer(async (t) => {
    const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局' });
    const other = await createAgency(t.db, adminActor('test'), { name: '东湖区教育局' });
    const admin = await t.as('boss', 'admin', agency.id);
    const clerk = await t.as('clerk', 'clerk', agency.id);
    const outsider = await t.as('outsider', 'clerk', other.id);
    const ids = Object.fromEntries((await admin.get('/api/users')).body.items.map((u: { username: string; id: number }) => [u.username, u.id]));
    const me = (await admin.get('/api/me')).body.user.id;

    assert.equal((await admin.request('PATCH', `/api/users/${me}`, { json: { disabled: true } })).status, 403);
    const outsiderId = (await outsider.get('/api/me')).body.user.id;
    assert.equal((await admin.request('PATCH', `/api/users/${outsiderId}`, { json: { disabled: true } })).status, 403);
    assert.equal((await clerk.request('PATCH', `/api/users/${ids.boss}`, { json: { disabled: true } })).status, 403);

    const promoted = await admin.request('PATCH', `/api/users/${ids.clerk}`, { json: { role: 'approver', displayName: '李审核' } });
    assert.equal(promoted.status, 200);
    assert.equal(promoted.body.user.roleName, '审核人');
    assert.equal((await admin.request('PATCH', `/api/users/${ids.clerk}`, { json: { disabled: true } })).status, 200);
    assert.equal((await clerk.get('/api/me')).status, 401, 'the disabled user’s session ended');
    assert.equal((await t.client().post('/api/login', { username: 'clerk', password: TEST_PASSWORD })).status, 401);

    await admin.request('PATCH', `/api/users/${ids.clerk}`, { json: { disabled: false } });
    const reset = await admin.post(`/api/users/${ids.clerk}/password-reset`);
    assert.equal(reset.status, 200);
    const again = t.client();
    await again.login('clerk', reset.body.oneTimePassword);
    assert.equal((await again.get('/api/applications')).status, 403, 'a reset password must be changed first');
  }));
