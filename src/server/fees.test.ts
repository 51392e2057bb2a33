import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminActor, createAgency } from '../register/index.ts';
import { withServer } from './test-server.ts';

const APPLICATION = { applicantKind: 'natural', applicantName: '王大伟', applicantContact: '13912345678', channel: 'in_person', content: '历年批复' };

test('fees API: every 信息处理费 notice with its payment or lapse, the totals, by agency and year; masked for reviewers; scoped', () =>
  withServer(async (t) => {
    const gov = await createAgency(t.db, adminActor('test'), { name: '东湖区人民政府' });
    const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局', parentId: gov.id });
    const other = await createAgency(t.db, adminActor('test'), { name: '东湖区教育局', parentId: gov.id });
    const clerk = await t.as('clerk', 'clerk', agency.id);
    const stranger = await t.as('stranger', 'clerk', other.id);
    const reviewer = await t.as('reviewer', 'reviewer', gov.id);
    const make = async (reference: string, submittedOn: string) =>
      (await clerk.post('/api/applications', { ...APPLICATION, agencyId: agency.id, reference, submittedOn })).body.application.id as number;
    const event = async (id: number, kind: string, onDate: string, data?: Record<string, unknown>) => {
      const reply = await clerk.post(`/api/applications/${id}/events`, { kind, onDate, ...(data ? { data } : {}) });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
    };
    const paid = await make('F-1', '2024-03-01');
    await event(paid, 'fee_notice', '2024-03-05', { method: 'by_pages', amount: 700 });
    await event(paid, 'fee_paid', '2024-03-12', { amount: 700 });
    const lapsed = await make('F-2', '2024-04-01');
    await event(lapsed, 'fee_notice', '2024-04-03', { method: 'by_count', amount: 100 });
    await event(lapsed, 'fee_lapsed', '2024-05-06');
    const waiting = await make('F-3', '2024-12-20');
    await event(waiting, 'fee_notice', '2024-12-24', { method: 'by_count', amount: 200 });
    const earlier = await make('F-0', '2023-06-01');
    await event(earlier, 'fee_notice', '2023-06-05', { method: 'by_pages', amount: 50 });
    await event(earlier, 'fee_paid', '2023-06-07');
    await make('F-9', '2024-05-01');

    const all = await clerk.get(`/api/fees?agency=${agency.id}`);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.deepEqual(
      all.body.items.map((i: { reference: string; state: string }) => `${i.reference}:${i.state}`),
      ['F-3:awaiting', 'F-2:lapsed', 'F-1:paid', 'F-0:paid'],
    );
    assert.deepEqual(all.body.total, { notices: 4, paid: 2, amountPaid: 750 });
    const year = await clerk.get(`/api/fees?agency=${agency.id}&year=2024`);
    assert.deepEqual(year.body.total, { notices: 3, paid: 1, amountPaid: 700 });
    const first = year.body.items.find((i: { reference: string }) => i.reference === 'F-1');
    assert.deepEqual(first, {
      applicationId: paid,
      reference: 'F-1',
      applicant: '王大伟',
      noticeOn: '2024-03-05',
      amount: 700,
      method: 'by_pages',
      paidOn: '2024-03-12',
      amountPaid: 700,
      lapsedOn: null,
      state: 'paid',
    });
    assert.equal(year.body.items.find((i: { reference: string }) => i.reference === 'F-2').lapsedOn, '2024-05-06');
    assert.equal((await clerk.get('/api/fees?year=2024')).body.total.notices, 3, 'without an agency: every agency in scope');

    const seen = await reviewer.get(`/api/fees?agency=${gov.id}&departments=1&year=2024`);
    assert.equal(seen.status, 200);
    assert.equal(seen.body.items.length, 3);
    assert.ok(seen.body.items.every((i: { applicant: string }) => i.applicant === '王**'));
    assert.equal((await reviewer.get(`/api/fees?agency=${gov.id}&year=2024`)).body.items.length, 0, 'the government alone has none');

    assert.equal((await stranger.get(`/api/fees?agency=${agency.id}`)).status, 403);
    assert.equal((await stranger.get('/api/fees')).body.total.notices, 0);
    assert.equal((await clerk.get('/api/fees?year=abc')).status, 400);
    assert.equal((await t.client().get('/api/fees')).status, 401);
  }));
