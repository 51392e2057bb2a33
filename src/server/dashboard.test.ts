import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays } from '../calendar/index.ts';
import { addEvent, adminActor, createAgency, createApplication, loadCalendar } from '../register/index.ts';
import { chinaToday } from './http.ts';
import { withServer } from './test-server.ts';

test('dashboard: overdue and due-soon cases with explained deadlines, this year’s counts by outcome and month, scoped to the user', () =>
  withServer(async (t) => {
    const admin = adminActor('test');
    const calendar = await loadCalendar(t.db);
    const today = chinaToday();
    const y = Number(today.slice(0, 4));
    const before = (n: number) => {
      let d = today;
      for (let i = 0; i < n;) if (calendar.isWorking((d = addDays(d, -1)))) i++;
      return d;
    };
    const gov = await createAgency(t.db, admin, { name: '东湖区人民政府' });
    const edu = await createAgency(t.db, admin, { name: '东湖区教育局', parentId: gov.id });
    const health = await createAgency(t.db, admin, { name: '东湖区卫生健康委员会', parentId: gov.id });
    const add = (agencyId: number, reference: string, received: string) =>
      createApplication(t.db, admin, {
        agencyId,
        reference,
        applicantKind: 'natural',
        applicantName: '张三丰',
        channel: 'in_person',
        submittedOn: received,
        content: '某学校招生材料',
      });
    const overdue = await add(edu.id, 'E-1', before(25));
    const soon = await add(edu.id, 'E-2', before(18));
    await add(edu.id, 'E-3', today);
    const answered = await add(health.id, 'H-1', today);
    await addEvent(t.db, admin, answered.id, { kind: 'answered', onDate: today, data: { outcome: 'granted' } });

    const clerk = await t.as('clerk', 'clerk', gov.id);
    const board = await clerk.get('/api/dashboard?departments=1');
    assert.equal(board.status, 200, JSON.stringify(board.body));
    assert.equal(board.body.today, today);
    assert.equal(board.body.year, y);
    assert.deepEqual(
      board.body.overdue.map((d: { id: number }) => d.id),
      [overdue.id],
    );
    assert.deepEqual(
      board.body.dueSoon.map((d: { id: number }) => d.id),
      [soon.id],
    );
    const late = board.body.overdue[0];
    assert.equal(late.agencyName, '东湖区教育局');
    assert.equal(late.applicant, '张**');
    assert.equal(late.stateName, '办理中');
    assert.ok(late.overdueDays >= 4 && late.overdueDays <= 6, `overdue by ${late.overdueDays}`);
    assert.equal(late.daysLeft, 0);
    assert.ok(
      late.explanation.some((s: string) => s.includes('20个工作日')),
      late.explanation.join('\n'),
    );
    assert.ok(board.body.dueSoon[0].daysLeft >= 1 && board.body.dueSoon[0].daysLeft <= 3);

    const counts = board.body.counts;
    const earlyInYear = before(25).slice(0, 4) !== String(y); // the first weeks of January reach into last year
    assert.equal(counts.received, earlyInYear ? 3 : 4);
    assert.equal(counts.closed, 1);
    assert.equal(counts.open, 3);
    assert.equal(counts.overdue, 1);
    assert.deepEqual(counts.byOutcome, [{ outcome: 'granted', label: '（一）予以公开', count: 1 }]);
    assert.equal(counts.byMonth.length, 12);
    const month = Number(today.slice(5, 7));
    assert.equal(counts.byMonth[month - 1].closed, 1);
    assert.equal(
      counts.byMonth.reduce((s: number, m: { received: number }) => s + m.received, 0),
      counts.received,
    );

    // Without departments: the government's own cases only (none). Another year: its figures.
    const own = await clerk.get('/api/dashboard');
    assert.deepEqual([own.body.overdue.length, own.body.counts.received], [0, 0]);
    assert.equal((await clerk.get(`/api/dashboard?departments=1&year=${y - 3}`)).body.counts.received, 0);

    // A department's clerk sees their department and is refused the other's.
    const healthClerk = await t.as('health', 'clerk', health.id);
    const theirs = await healthClerk.get('/api/dashboard');
    assert.deepEqual([theirs.body.overdue.length, theirs.body.counts.closed], [0, 1]);
    assert.equal((await healthClerk.get(`/api/dashboard?agency=${edu.id}`)).status, 403);
    assert.equal((await healthClerk.get(`/api/dashboard?agency=${gov.id}&departments=1`)).status, 403);
    assert.equal((await healthClerk.get('/api/dashboard?year=abc')).status, 400);
    assert.equal((await t.client().get('/api/dashboard')).status, 401);
  }));
