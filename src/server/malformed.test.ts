import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminActor, createAgency } from '../register/index.ts';
import type { Client, Reply } from './test-server.ts';
import { withServer } from './test-server.ts';

function refused(reply: Reply, status: number, what: string): void {
  assert.equal(reply.status, status, `${what}: ${JSON.stringify(reply.body)}`);
  assert.equal(typeof reply.body.error?.code, 'string', `${what}: a JSON error`);
  assert.match(reply.body.error.message, /[\u4e00-\u9fff]/, `${what}: a Chinese message`);
}

test('server robustness: malformed requests get a 4xx JSON error in Chinese, never a 500', () =>
  withServer(
    async (t) => {
      const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局' });
      const c = await t.as('root', 'admin', null);
      const raw = (method: string, path: string, body: BodyInit, type = 'application/json') =>
        c.request(method, path, { body, headers: { 'content-type': type } });

      refused(await raw('POST', '/api/applications', '{"agencyId": 1,'), 400, 'truncated JSON');
      refused(await raw('POST', '/api/applications', new Uint8Array([0xff, 0xfe, 0x00, 0x7b])), 400, 'binary body');
      refused(await raw('POST', '/api/applications', 'null'), 400, 'null body');
      refused(await raw('POST', '/api/applications', '[1,2]'), 400, 'array body');
      refused(await raw('POST', '/api/applications', '{}', 'text/plain'), 400, 'wrong content type');
      refused(await c.post('/api/applications', { agencyId: '1', applicantName: 5 }), 400, 'wrong types');
      refused(await c.post('/api/applications', { agencyId: 1e12, applicantKind: 'natural' }), 400, 'id out of range');
      refused(
        await c.post('/api/applications', {
          agencyId: agency.id,
          applicantKind: 'natural',
          applicantName: '甲',
          channel: 'online',
          submittedOn: '2024-02-30',
          content: 'x',
        }),
        400,
        'impossible date',
      );
      refused(
        await c.post('/api/applications', {
          agencyId: 999_999,
          applicantKind: 'natural',
          applicantName: '甲',
          channel: 'in_person',
          submittedOn: '2024-02-01',
          content: 'x',
        }),
        404,
        'an unknown agency',
      );
      refused(await raw('POST', '/api/login', '{"username": ["a"], "password": {}}'), 400, 'login with wrong types');
      refused(await raw('POST', '/api/login', 'x'.repeat(10)), 400, 'login with bad JSON');
      refused(await c.post('/api/applications/1/events', { kind: 'explode', onDate: '2024-01-01' }), 400, 'unknown event');
      refused(await c.post('/api/applications/abc/events', { kind: 'answered', onDate: '2024-01-01' }), 400, 'non-numeric id');
      refused(await c.get('/api/applications/99999999999999999999'), 400, 'huge id');
      refused(await c.get('/api/applications/424242'), 404, 'unknown application');
      refused(await c.get('/api/applications?limit=-1'), 400, 'negative limit');
      refused(await c.get('/api/applications?year=abc'), 400, 'bad year');
      refused(await c.get('/api/applications?state=%00'), 400, 'bad state');
      refused(await c.get(`/api/agencies/${agency.id}/report/99999`), 400, 'year out of range');
      refused(await c.put(`/api/agencies/${agency.id}/texts/2024/9`, { text: 'x' }), 400, 'section 9');
      refused(await c.put(`/api/agencies/${agency.id}/proactive/2024`, { values: { 'a.rules.issued': 'many' } }), 400, 'a value not a number');
      refused(await c.put(`/api/agencies/${agency.id}/proactive/2024`, { values: { 'a.rules.issued': -1 } }), 400, 'a negative count');
      refused(await c.post('/api/reviews', { agencyId: agency.id, kind: 'duel', filedOn: '2024-01-01' }), 400, 'bad review kind');
      refused(await c.post('/api/reviews/77/close', { result: 'upheld', closedOn: '2024-01-01' }), 404, 'unknown review');
      refused(await c.get('/api/nowhere'), 404, 'unknown path');
      refused(await c.request('DELETE', '/api/agencies'), 404, 'unknown method');
      refused(await c.get('/api/applications/1/fee?method=free'), 400, 'bad fee method');
      refused(await c.post('/api/users', { username: 'a b', role: 'king', agencyId: null }), 400, 'bad user');

      // Bodies above the limits: refused before they are read in full.
      refused(await c.post('/api/agencies', { name: '甲'.repeat(2000) }), 413, 'JSON body over the limit');
      refused(await raw('POST', '/api/analyze', new Uint8Array(300_000), 'application/octet-stream'), 413, 'upload over the limit');
      refused(await raw('POST', '/api/analyze', 'not a form', 'multipart/form-data; boundary=x'), 400, 'broken multipart');
    },
    { maxBodyBytes: 4096, maxUploadBytes: 200_000 },
  ));

test('server robustness: random bodies on every endpoint never get a 500', () =>
  withServer(async (t) => {
    const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局' });
    const c: Client = await t.as('root', 'admin', null);
    const id = (
      await c.post('/api/applications', {
        agencyId: agency.id,
        applicantKind: 'natural',
        applicantName: '甲',
        channel: 'online',
        submittedOn: '2024-02-01',
        confirmedOn: '2024-02-02',
        content: 'x',
      })
    ).body.application.id;
    const paths: [string, string][] = [
      ['POST', '/api/applications'],
      ['POST', `/api/applications/${id}/events`],
      ['POST', '/api/agencies'],
      ['PUT', `/api/agencies/${agency.id}/proactive/2024`],
      ['PUT', `/api/agencies/${agency.id}/texts/2024/1`],
      ['POST', '/api/reviews'],
      ['POST', '/api/users'],
      ['POST', '/api/me/password'],
    ];
    const values = [
      null,
      true,
      -1,
      0,
      1.5,
      2 ** 31,
      1e308,
      '',
      'x',
      '2024-13-45',
      '2024-02-29',
      "'; drop table users; --",
      [],
      {},
      [1, 'a'],
      { kind: 'answered' },
    ];
    const keys = [
      'agencyId',
      'kind',
      'onDate',
      'data',
      'name',
      'parentId',
      'values',
      'text',
      'filedOn',
      'username',
      'role',
      'password',
      'applicantKind',
      'submittedOn',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 120; i++) {
      const body: Record<string, unknown> = {};
      for (let k = next() % 5; k >= 0; k--) body[keys[next() % keys.length] as string] = values[next() % values.length];
      const [method, path] = paths[i % paths.length] as [string, string];
      const reply = await c.request(method, path, { json: body });
      assert.ok(reply.status < 500, `${method} ${path} ${JSON.stringify(body)} → ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    assert.equal((await c.get('/api/health')).status, 200, 'still serving');
  }));
