import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminActor, createAgency } from '../register/index.ts';
import { insertBatch, insertReport } from '../testing/review-issue-fixtures.ts';
import { chinaToday } from './http.ts';
import { withServer } from './test-server.ts';

const DUE = `${Number(chinaToday().slice(0, 4)) + 1}-03-31`;

test('findings workflow: open → confirmed → rectifying → responded → returned → responded → archived, each step an event by its actor; the agency sees only its own', () =>
  withServer(async (t) => {
    const gov = await createAgency(t.db, adminActor('test'), { name: '东湖区人民政府' });
    const civil = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局', parentId: gov.id });
    const edu = await createAgency(t.db, adminActor('test'), { name: '东湖区教育局', parentId: gov.id });
    const west = await createAgency(t.db, adminActor('test'), { name: '西湖区人民政府' });
    const batch = await insertBatch(t.db, gov.id);
    const a = await insertReport(t.db, batch, { agency: '东湖区民政局', year: 2025, targetAgencyId: civil.id, doctor: { 'b.granted.natural': 999 } });
    // Not matched to the register: assigning falls back to the agency of the same name.
    const b = await insertReport(t.db, batch, { agency: '东湖区教育局', year: 2025, seed: 11, doctor: { 'b.new.natural': 998 } });
    assert.ok(a.issueIds.length >= 2 && b.issueIds.length >= 1, 'the doctored cells make findings');

    const reviewer = await t.as('reviewer', 'reviewer', gov.id);
    const outsider = await t.as('west-reviewer', 'reviewer', west.id);
    const clerk = await t.as('civil-clerk', 'clerk', civil.id);
    const eduClerk = await t.as('edu-clerk', 'clerk', edu.id);

    const list = await reviewer.get(`/api/review/batches/${batch}/issues`);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body.length, a.issueIds.length + b.issueIds.length);
    const first = list.body.find((i: { id: number }) => i.id === a.issueIds[0]);
    assert.equal(first.status, 'open');
    assert.equal(first.agency, '东湖区民政局');
    assert.equal(first.fileName, '东湖区民政局2025年报.html');
    assert.ok(first.source && typeof first.source.row === 'number', 'the finding’s place in the source');
    assert.match(first.cellLabels[0], /^表三「/);
    assert.match(first.ruleTitle, /表三/);
    const byAgency = await reviewer.get(`/api/review/batches/${batch}/issues?agency=${encodeURIComponent('东湖区教育局')}`);
    assert.deepEqual(
      byAgency.body.map((i: { id: number }) => i.id),
      b.issueIds,
    );
    assert.equal((await reviewer.get(`/api/review/batches/${batch}/issues?status=nope`)).status, 400);
    assert.equal((await outsider.get(`/api/review/batches/${batch}/issues`)).status, 404, 'another level’s batch is not found');
    assert.equal((await clerk.get(`/api/review/batches/${batch}/issues`)).status, 403, 'a clerk cannot use the reviewer console');

    const id = a.issueIds[0] as number;
    const go = (body: unknown, as = reviewer) => as.post(`/api/review/issues/${id}/transition`, body);
    assert.equal((await go({ action: 'confirm' }, outsider)).status, 404);
    assert.equal((await go({ action: 'confirm' }, clerk)).status, 403);

    const confirmed = await go({ action: 'confirm', note: '核实无误' });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.status, 'confirmed');
    assert.equal(confirmed.body.updatedBy, 'reviewer');
    assert.equal(confirmed.body.note, '核实无误');

    const noDue = await go({ action: 'assign' });
    assert.equal(noDue.status, 400);
    assert.match(noDue.body.error.message, /整改期限/);
    assert.equal((await go({ action: 'assign', dueOn: '2026-02-30' })).status, 400, 'not a real day');
    const past = await go({ action: 'assign', dueOn: '2020-01-01' });
    assert.equal(past.status, 400);
    assert.match(past.body.error.message, /早于今天/);
    assert.equal((await go({ action: 'assign', dueOn: DUE, agencyId: 999999 })).status, 400, 'no such agency');
    const foreign = await go({ action: 'assign', dueOn: DUE, agencyId: west.id });
    assert.equal(foreign.status, 403);
    assert.match(foreign.body.error.message, /西湖区人民政府/);

    assert.deepEqual((await clerk.get('/api/rectification')).body, [], 'nothing is shown before it is assigned');
    const assigned = await go({ action: 'assign', dueOn: DUE, note: '请于期限内更正表三并重新发布' });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    assert.equal(assigned.body.status, 'rectifying');
    assert.equal(assigned.body.assignedAgencyId, civil.id, 'by default, the report’s agency');
    assert.equal(assigned.body.assignedAgency, '东湖区民政局');
    assert.equal(assigned.body.dueOn, DUE);

    const inbox = await clerk.get('/api/rectification');
    assert.equal(inbox.status, 200);
    assert.equal(inbox.body.length, 1);
    const item = inbox.body[0];
    assert.deepEqual(
      Object.keys(item).sort(),
      [
        'assignedAgency',
        'assignedAgencyId',
        'cellLabels',
        'dueOn',
        'id',
        'keys',
        'message',
        'report',
        'requests',
        'respondedAt',
        'respondedBy',
        'response',
        'rule',
        'ruleTitle',
        'severity',
        'status',
        'updatedAt',
      ],
      'the finding, its report and due date: nothing else of the review',
    );
    assert.deepEqual(item.report, { agency: '东湖区民政局', year: 2025, fileName: '东湖区民政局2025年报.html' });
    assert.deepEqual(
      item.requests.map((r: { kind: string; note: string }) => [r.kind, r.note]),
      [['assign', '请于期限内更正表三并重新发布']],
    );
    assert.deepEqual((await eduClerk.get('/api/rectification')).body, [], 'another agency sees nothing');
    assert.equal((await eduClerk.post(`/api/rectification/${id}/response`, { response: '已整改' })).status, 404);
    assert.equal((await reviewer.get('/api/rectification')).status, 403, 'reviewers follow issues in the console');
    const empty = await clerk.post(`/api/rectification/${id}/response`, { response: '  ' });
    assert.equal(empty.status, 400);
    assert.match(empty.body.error.message, /请填写整改情况/);
    assert.equal((await go({ action: 'accept' })).status, 409, 'nothing to accept before the agency responds');

    const responded = await clerk.post(`/api/rectification/${id}/response`, { response: '已更正表三数据并重新发布' });
    assert.equal(responded.status, 200, JSON.stringify(responded.body));
    assert.equal(responded.body.status, 'responded');
    assert.equal(responded.body.respondedBy, 'civil-clerk');
    const again = await clerk.post(`/api/rectification/${id}/response`, { response: '再次反馈' });
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /已反馈/);

    const noReason = await go({ action: 'return' });
    assert.equal(noReason.status, 400);
    assert.match(noReason.body.error.message, /退回整改须说明理由/);
    const returned = await go({ action: 'return', note: '网站上的报告尚未更新' });
    assert.equal(returned.body.status, 'rectifying');
    assert.equal(returned.body.response, '已更正表三数据并重新发布', 'the last response is kept');
    const requests = (await clerk.get('/api/rectification')).body[0].requests;
    assert.deepEqual(
      requests.map((r: { kind: string }) => r.kind),
      ['assign', 'return'],
    );
    await clerk.post(`/api/rectification/${id}/response`, { response: '网站已更新' });
    const archived = await go({ action: 'accept' });
    assert.equal(archived.body.status, 'archived');
    assert.equal((await clerk.get('/api/rectification')).body[0].status, 'archived', 'the agency keeps seeing it, archived');

    const events = await t.db.query<{ actor: string; from_status: string; to_status: string; note: string | null }>(
      'select actor, from_status, to_status, note from review_issue_events where issue_id = $1 order by id',
      [id],
    );
    assert.deepEqual(
      events.rows.map((e) => [e.actor, e.from_status, e.to_status]),
      [
        ['reviewer', 'open', 'confirmed'],
        ['reviewer', 'confirmed', 'rectifying'],
        ['civil-clerk', 'rectifying', 'responded'],
        ['reviewer', 'responded', 'rectifying'],
        ['civil-clerk', 'rectifying', 'responded'],
        ['reviewer', 'responded', 'archived'],
      ],
      'refused transitions left no event',
    );
    const audit = await t.db.query<{ actor: string }>(
      "select actor from audit_log where table_name = 'review_issues' and row_key = $1 and action = 'update' order by id",
      [String(id)],
    );
    assert.deepEqual(
      audit.rows.map((r) => r.actor),
      ['reviewer', 'reviewer', 'civil-clerk', 'reviewer', 'civil-clerk', 'reviewer'],
    );

    // The other report's agency is found by name when the report was not matched.
    const other = b.issueIds[0] as number;
    await reviewer.post(`/api/review/issues/${other}/transition`, { action: 'confirm' });
    const byName = await reviewer.post(`/api/review/issues/${other}/transition`, { action: 'assign', dueOn: DUE });
    assert.equal(byName.body.assignedAgencyId, edu.id);
    assert.equal((await eduClerk.get('/api/rectification')).body.length, 1);
  }));

test('findings workflow: illegal transitions are conflicts naming the statuses; notes required; vanished findings cannot be confirmed', () =>
  withServer(async (t) => {
    const gov = await createAgency(t.db, adminActor('test'), { name: '南岭县人民政府' });
    const batch = await insertBatch(t.db, gov.id);
    const { issueIds } = await insertReport(t.db, batch, { agency: '南岭县人民政府', year: 2025, doctor: { 'b.granted.natural': 999 } });
    const [x, y] = issueIds as [number, number];
    const reviewer = await t.as('reviewer', 'reviewer', gov.id);
    const go = (id: number, body: unknown) => reviewer.post(`/api/review/issues/${id}/transition`, body);

    const early = await go(x, { action: 'accept' });
    assert.equal(early.status, 409);
    assert.match(early.body.error.message, /问题当前为「待审核」，不能验收归档：只有「已反馈」的问题可以验收归档/);
    const reopen = await go(x, { action: 'reopen' });
    assert.match(reopen.body.error.message, /只有「已确认」或「已排除」的问题可以重新审核/);
    const assign = await go(x, { action: 'assign', dueOn: DUE });
    assert.equal(assign.status, 409, 'an open issue is confirmed before it is assigned');
    const unknown = await go(x, { action: 'approve' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /操作应为：confirm（确认）/);
    const noNote = await go(x, { action: 'dismiss' });
    assert.equal(noNote.status, 400);
    assert.match(noNote.body.error.message, /排除问题须说明理由/);

    const dismissed = await go(x, { action: 'dismiss', note: '读取有误，原文正确' });
    assert.equal(dismissed.body.status, 'dismissed');
    assert.equal((await go(x, { action: 'confirm' })).status, 409);
    assert.equal((await go(x, { action: 'reopen' })).body.status, 'open');
    assert.equal((await go(x, { action: 'confirm' })).body.status, 'confirmed');
    assert.equal((await go(x, { action: 'confirm' })).status, 409, 'confirming twice');

    // A correction made the checks stop finding y: it cannot be confirmed, only dismissed.
    await t.db.query('update review_issues set present = false where id = $1', [y]);
    const vanished = await go(y, { action: 'confirm' });
    assert.equal(vanished.status, 409);
    assert.match(vanished.body.error.message, /不再发现/);
    const listed = await reviewer.get(`/api/review/batches/${batch}/issues`);
    assert.ok(!listed.body.some((i: { id: number }) => i.id === y), 'vanished issues are left out');
    const all = await reviewer.get(`/api/review/batches/${batch}/issues?all=1`);
    assert.equal(all.body.find((i: { id: number }) => i.id === y).present, false);
    assert.equal((await go(y, { action: 'dismiss', note: '更正后不再存在' })).body.status, 'dismissed');

    const events = await t.db.query<{ n: number }>('select count(*)::int as n from review_issue_events where issue_id = any($1::int[])', [[x, y]]);
    assert.equal(events.rows[0]?.n, 4, 'dismiss, reopen, confirm of x; dismiss of y: the refusals wrote nothing');
    assert.equal((await go(999999, { action: 'confirm' })).status, 404);

    // An archived batch is closed to the workflow.
    await t.db.query('update review_batches set archived_at = now() where id = $1', [batch]);
    const closed = await go(x, { action: 'reopen' });
    assert.equal(closed.status, 409);
    assert.match(closed.body.error.message, /已归档/);
  }));

test('问题清单: confirmed-or-later issues grouped by the reported agency with counts by status', () =>
  withServer(async (t) => {
    const gov = await createAgency(t.db, adminActor('test'), { name: '临江市人民政府' });
    const civil = await createAgency(t.db, adminActor('test'), { name: '临江市民政局', parentId: gov.id });
    const batch = await insertBatch(t.db, gov.id);
    const a = await insertReport(t.db, batch, { agency: '临江市民政局', year: 2025, targetAgencyId: civil.id, doctor: { 'b.granted.natural': 999 } });
    const b = await insertReport(t.db, batch, { agency: '临江市教育局', year: 2025, seed: 11, doctor: { 'b.new.natural': 998 } });
    await insertReport(t.db, batch, { agency: '临江市交通运输局', year: 2025, seed: 5 });
    const reviewer = await t.as('reviewer', 'reviewer', gov.id);
    const go = (id: number, body: unknown) => reviewer.post(`/api/review/issues/${id}/transition`, body);
    await go(a.issueIds[0] as number, { action: 'confirm' });
    await go(a.issueIds[0] as number, { action: 'assign', dueOn: DUE });
    await go(a.issueIds[1] as number, { action: 'dismiss', note: '误读' });
    await go(b.issueIds[0] as number, { action: 'confirm' });

    const list = await reviewer.get(`/api/review/batches/${batch}/issue-list`);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.deepEqual(list.body.reports, { read: 3, withIssues: 2 });
    assert.deepEqual(
      list.body.groups.map((g: { agency: string; reports: number; issues: { id: number }[] }) => [g.agency, g.reports, g.issues.map((i) => i.id)]),
      [
        ['临江市教育局', 1, [b.issueIds[0]]],
        ['临江市民政局', 1, [a.issueIds[0]]],
      ],
    );
    const civilGroup = list.body.groups[1];
    assert.equal(civilGroup.agencyId, civil.id);
    assert.equal(civilGroup.counts.rectifying, 1);
    assert.equal(civilGroup.counts.dismissed, 1);
    assert.equal(civilGroup.counts.open, a.issueIds.length - 2);
    assert.equal(list.body.counts.confirmed, 1);
    const outsider = await t.as('other', 'reviewer', (await createAgency(t.db, adminActor('test'), { name: '北塘区人民政府' })).id);
    assert.equal((await outsider.get(`/api/review/batches/${batch}/issue-list`)).status, 404);
  }));
