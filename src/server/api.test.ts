import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminActor, createAgency } from '../register/index.ts';
import { renderMarkdown } from '../render/index.ts';
import { reportFromJson } from '../report/index.ts';
import { withServer } from './test-server.ts';

const APPLICATION = {
  reference: '2024-001',
  applicantKind: 'natural',
  applicantName: '李小明',
  applicantContact: '13812345678',
  channel: 'registered_mail',
  submittedOn: '2024-02-26',
  confirmedOn: '2024-03-01',
  content: '某工程的批复文件',
};

test('server API: a clerk of agency A cannot read agency B, and cannot approve an extension or an answer', () =>
  withServer(async (t) => {
    const gov = await createAgency(t.db, adminActor('test'), { name: '东湖区人民政府' });
    const a = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局', parentId: gov.id });
    const b = await createAgency(t.db, adminActor('test'), { name: '东湖区教育局', parentId: gov.id });
    const clerkA = await t.as('clerk-a', 'clerk', a.id);
    const clerkB = await t.as('clerk-b', 'clerk', b.id);
    const created = await clerkB.post('/api/applications', { ...APPLICATION, agencyId: b.id });
    assert.equal(created.status, 201);
    const idB = created.body.application.id;

    assert.equal((await clerkA.get(`/api/applications/${idB}`)).status, 403);
    assert.equal((await clerkA.get(`/api/applications?agency=${b.id}`)).status, 403);
    assert.equal((await clerkA.get(`/api/applications/${idB}/audit`)).status, 403);
    assert.equal((await clerkA.post(`/api/applications/${idB}/events`, { kind: 'correction_requested', onDate: '2024-03-04' })).status, 403);
    assert.equal((await clerkA.get(`/api/agencies/${b.id}/report/2024`)).status, 403);
    assert.equal((await clerkA.post('/api/applications', { ...APPLICATION, agencyId: b.id })).status, 403);
    const mine = await clerkA.get('/api/applications');
    assert.equal(mine.status, 200);
    assert.equal(mine.body.total, 0, 'the list holds only the agencies in scope');
    assert.deepEqual(
      (await clerkA.get('/api/agencies')).body.items.map((x: { name: string }) => x.name),
      ['东湖区民政局'],
    );

    const extension = await clerkB.post(`/api/applications/${idB}/events`, { kind: 'extension', onDate: '2024-03-20' });
    assert.equal(extension.status, 403);
    assert.match(extension.body.error.message, /审核人/);
    const answer = await clerkB.post(`/api/applications/${idB}/events`, { kind: 'answered', onDate: '2024-03-20', data: { outcome: 'granted' } });
    assert.equal(answer.status, 403);
    assert.equal((await clerkB.post(`/api/agencies/${b.id}/lock/2024`)).status, 403);

    // A reviewer of the government level reads every department, with applicants masked, and changes nothing.
    const reviewer = await t.as('reviewer', 'reviewer', gov.id);
    const seen = await reviewer.get(`/api/applications?agency=${gov.id}&departments=1`);
    assert.equal(seen.body.total, 1);
    assert.equal(seen.body.items[0].applicantName, '李**');
    assert.equal(seen.body.items[0].applicantContact, '138****5678');
    assert.equal((await reviewer.post('/api/applications', { ...APPLICATION, reference: 'x', agencyId: b.id })).status, 403);
    // A department's administrator manages users of their department only.
    const adminA = await t.as('admin-a', 'admin', a.id);
    assert.equal((await adminA.post('/api/users', { username: 'x1', role: 'clerk', agencyId: b.id })).status, 403);
    assert.equal((await adminA.post('/api/users', { username: 'x2', role: 'admin', agencyId: null })).status, 403);
    const made = await adminA.post('/api/users', { username: 'x3', role: 'clerk', agencyId: a.id });
    assert.equal(made.status, 201);
    assert.ok(made.body.oneTimePassword.length >= 16);
    assert.deepEqual(
      (await adminA.get('/api/users')).body.items.map((u: { username: string }) => u.username),
      ['admin-a', 'clerk-a', 'x3'],
    );
    assert.equal((await adminA.get('/api/audit')).status, 403, 'the whole audit trail is the system administrator’s');
    // The system administrator filters the whole trail on the server: by actor and by days.
    const root = await t.as('root', 'admin', null);
    const byAdmin = await root.get('/api/audit?actor=admin-a&limit=1000');
    assert.equal(byAdmin.status, 200);
    assert.ok(byAdmin.body.items.length > 0);
    assert.ok(
      byAdmin.body.items.every((e: { actor: string }) => e.actor.includes('admin-a')),
      'only admin-a’s changes',
    );
    const all = (await root.get('/api/audit?limit=1000')).body.items;
    assert.ok(all.length > byAdmin.body.items.length, 'others’ changes are left out');
    assert.equal((await root.get('/api/audit?to=2000-01-01')).body.items.length, 0);
    const badDay = await root.get('/api/audit?from=2024-13-01');
    assert.equal(badDay.status, 400);
    assert.match(badDay.body.error.message, /YYYY-MM-DD/);
    const reversed = await root.get('/api/audit?from=2024-05-02&to=2024-05-01');
    assert.equal(reversed.status, 400);
    assert.match(reversed.body.error.message, /开始日期晚于结束日期/);
  }));

test('server API: an application through 补正, consultation and extension to an answer, with its deadline explained and its audit trail', () =>
  withServer(async (t) => {
    const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局' });
    const clerk = await t.as('clerk', 'clerk', agency.id);
    const head = await t.as('head', 'approver', agency.id);
    const created = await clerk.post('/api/applications', { ...APPLICATION, agencyId: agency.id });
    assert.equal(created.status, 201);
    const id = created.body.application.id;
    assert.equal(created.body.application.receivedOn, '2024-03-01', 'registered post: the day the agency signed for it');
    assert.equal(created.body.deadline.due, '2024-03-29');
    assert.ok(created.body.deadline.steps.length > 0);

    const step = async (c: typeof clerk, kind: string, onDate: string, data?: Record<string, unknown>) => {
      const reply = await c.post(`/api/applications/${id}/events`, { kind, onDate, ...(data ? { data } : {}) });
      assert.equal(reply.status, 201, `${kind}: ${JSON.stringify(reply.body)}`);
      return reply.body;
    };
    await step(clerk, 'correction_requested', '2024-03-05', { items: '请明确工程名称' });
    const second = await clerk.post(`/api/applications/${id}/events`, { kind: 'correction_requested', onDate: '2024-03-06' });
    assert.equal(second.status, 409, 'a second 补正 is refused with the reason');
    assert.match(second.body.error.message, /待补正/);
    await step(clerk, 'correction_received', '2024-03-18');
    await step(clerk, 'consultation_started', '2024-03-20', { party: '施工单位' });
    const paused = await clerk.get(`/api/applications/${id}`);
    assert.equal(paused.body.application.stateName, '征求意见中（期限暂停）');
    await step(clerk, 'consultation_ended', '2024-03-29');
    const extended = await step(head, 'extension', '2024-04-08');
    assert.equal(extended.application.extensionDays, 20);
    assert.equal(extended.events.at(-1).data.approver, 'head', 'the approver is the user who recorded it');
    assert.ok(extended.deadline.steps.some((s: string) => /延长/.test(s)));
    const answered = await step(head, 'answered', '2024-05-20', { outcome: 'partial' });
    assert.equal(answered.application.state, 'closed');
    assert.equal(answered.application.outcomeLabel, '（二）部分公开');
    assert.equal(answered.deadline, null);
    assert.deepEqual(
      answered.events.map((e: { name: string }) => e.name),
      ['收到申请', '告知补正', '收到补正材料', '征求第三方或其他机关意见', '收到意见（恢复计时）', '延长答复期限', '答复'],
    );

    const audit = await clerk.get(`/api/applications/${id}/audit`);
    assert.equal(audit.status, 200);
    const actors = new Set(audit.body.items.map((e: { actor: string }) => e.actor));
    assert.deepEqual([...actors].sort(), ['clerk', 'head'], 'every change carries its user');

    const search = await clerk.get(`/api/applications?q=${encodeURIComponent('批复')}&year=2024&state=closed`);
    assert.equal(search.body.total, 1);
    assert.equal((await clerk.get(`/api/applications?q=${encodeURIComponent("%' or 1=1 --")}`)).body.total, 0);
    assert.equal((await clerk.get('/api/applications?q=%25')).body.total, 0, 'a % typed is searched for, not a wildcard');
    const fee = await clerk.get(`/api/applications/${id}/fee?method=${encodeURIComponent('按量')}&pages=120`);
    assert.equal(fee.status, 200);
    assert.equal(fee.body.method, 'by_pages');
  }));

test('server API: the year’s report from the register with findings; publishing locks it against later changes', () =>
  withServer(async (t) => {
    const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局' });
    const clerk = await t.as('clerk', 'clerk', agency.id);
    const head = await t.as('head', 'approver', agency.id);
    const id = (await clerk.post('/api/applications', { ...APPLICATION, agencyId: agency.id })).body.application.id;
    await head.post(`/api/applications/${id}/events`, { kind: 'answered', onDate: '2024-03-15', data: { outcome: 'granted' } });
    const open = await clerk.post('/api/applications', {
      ...APPLICATION,
      reference: '2024-002',
      applicantKind: 'business',
      submittedOn: '2024-12-20',
      confirmedOn: undefined,
      channel: 'in_person',
    });
    assert.equal(open.status, 400, 'agencyId missing');
    await clerk.post('/api/applications', {
      ...APPLICATION,
      agencyId: agency.id,
      reference: '2024-002',
      applicantKind: 'business',
      channel: 'in_person',
      submittedOn: '2024-12-20',
    });
    assert.equal(
      (await clerk.put(`/api/agencies/${agency.id}/proactive/2024`, { values: { 'a.normative.issued': 3, 'a.fees.amount': 1.25 } })).status,
      200,
    );
    assert.equal((await clerk.put(`/api/agencies/${agency.id}/proactive/2024`, { values: { 'a.nope': 1 } })).status, 400);
    assert.equal((await clerk.put(`/api/agencies/${agency.id}/texts/2024/6`, { text: '本年度未收取信息处理费。' })).status, 200);
    const filed = await clerk.post('/api/reviews', { agencyId: agency.id, kind: 'review', filedOn: '2024-06-12', applicationId: id });
    assert.equal(filed.status, 201);

    const report = await clerk.get(`/api/agencies/${agency.id}/report/2024`);
    assert.equal(report.status, 200);
    assert.equal(report.body.agency, '东湖区民政局');
    assert.equal(report.body.cells['b.new.total'], 2);
    assert.equal(report.body.cells['b.granted.natural'], 1);
    assert.equal(report.body.cells['b.carried_out.business'], 1);
    assert.equal(report.body.cells['a.normative.issued'], 3);
    assert.equal(report.body.cells['c.review.pending'], 1);
    assert.ok(Array.isArray(report.body.findings));
    assert.equal(report.body.findings.filter((f: { rule: string }) => /^b-/.test(f.rule)).length, 0, 'table B adds up by construction');
    assert.equal(report.body.sections.find((s: { id: number }) => s.id === 6).text, '本年度未收取信息处理费。');

    assert.equal((await head.post(`/api/agencies/${agency.id}/lock/2024`)).status, 200);
    const refused = await clerk.put(`/api/agencies/${agency.id}/texts/2024/5`, { text: '改' });
    assert.equal(refused.status, 423);
    assert.equal(refused.body.error.code, 'locked');
    const late = await clerk.post('/api/applications', { ...APPLICATION, agencyId: agency.id, reference: '2024-003' });
    assert.equal(late.status, 423);
  }));

test('server API: an uploaded report (generated text) is read and checked; an unreadable one is 422 with the reason', () =>
  withServer(
    async (t) => {
      const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局' });
      const clerk = await t.as('clerk', 'clerk', agency.id);
      const head = await t.as('head', 'approver', agency.id);
      const id = (await clerk.post('/api/applications', { ...APPLICATION, agencyId: agency.id })).body.application.id;
      await head.post(`/api/applications/${id}/events`, { kind: 'answered', onDate: '2024-03-15', data: { outcome: 'granted' } });
      const json = (await clerk.get(`/api/agencies/${agency.id}/report/2024`)).body;
      const parsed = reportFromJson(json, 'register.json');
      assert.ok('report' in parsed);
      const markdown = renderMarkdown(parsed.report);

      const form = new FormData();
      form.set('file', new Blob([markdown], { type: 'text/markdown' }), '../../东湖区民政局2024年报告.md');
      const read = await clerk.request('POST', '/api/analyze', { body: form });
      assert.equal(read.status, 200, JSON.stringify(read.body));
      assert.equal(read.body.file, '东湖区民政局2024年报告.md', 'folders are dropped from the name');
      assert.equal(read.body.year, 2024);
      assert.equal(read.body.cells['b.granted.natural'], 1);
      assert.equal(read.body.cells['b.total.total'], 1);
      assert.ok(Array.isArray(read.body.findings));

      const raw = await clerk.request('POST', '/api/analyze?name=r.md', { body: markdown, headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(raw.status, 200);
      const binary = await clerk.request('POST', '/api/analyze?name=x.bin', {
        body: new Uint8Array([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7]),
        headers: { 'content-type': 'application/octet-stream' },
      });
      assert.equal(binary.status, 422);
      assert.equal(binary.body.error.code, 'unreadable');
      const empty = await clerk.request('POST', '/api/analyze', { body: '', headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(empty.status, 400);
      const noSession = await t.client().request('POST', '/api/analyze', { body: markdown, headers: { 'content-type': 'text/plain' } });
      assert.equal(noSession.status, 401);
    },
    { maxUploadBytes: 1024 * 1024 },
  ));

test('server API: the working-day calendar is read by anyone and replaced by the system administrator', () =>
  withServer(async (t) => {
    const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局' });
    const clerk = await t.as('clerk', 'clerk', agency.id);
    const root = await t.as('root', 'admin', null);
    const seeded = await clerk.get('/api/calendar?year=2024');
    assert.ok(seeded.body.years.some((y: { year: number }) => y.year === 2024));
    assert.ok(seeded.body.days.some((d: { day: string; working: boolean }) => d.day === '2024-10-01' && !d.working));
    const text = '2027-10-01,休,国庆节\n2027-10-09,班,国庆节调休\n';
    assert.equal((await clerk.post('/api/calendar', { text })).status, 403);
    const bad = await root.post('/api/calendar', { text: '2027-13-01,休,错\n' });
    assert.equal(bad.status, 400);
    const imported = await root.post('/api/calendar', { text });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.deepEqual(imported.body, { years: [2027], days: 2 });
    const after = await clerk.get('/api/calendar?year=2027');
    assert.deepEqual(
      after.body.days.map((d: { day: string; working: boolean }) => [d.day, d.working]),
      [
        ['2027-10-01', false],
        ['2027-10-09', true],
      ],
    );
  }));
