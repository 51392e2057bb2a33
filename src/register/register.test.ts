import { adminActor } from './actor.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../db/index.ts';
import { withDatabase } from '../testing/db.ts';
import { createAgency } from './agencies.ts';
import { addEvent, createApplication, deadlineOf, dueList, eventsOf } from './applications.ts';
import { quoteFee } from './fees.ts';
import { loadCalendar } from './calendar-store.ts';
import { addReview, auditTrail, closeReview, lockYear, setProactive } from './registers.ts';

/** An administrator of the test register. */
const as = (userId: string) => adminActor(userId);

test('register: an application on the clock — receipt day, 补正, consultation, extension, answer — each step audited', () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, as('张科长'), { name: '东湖区交通运输局' });
    const app = await createApplication(db, as('张科长'), {
      agencyId: agency.id,
      reference: '2024-001',
      applicantKind: 'natural',
      applicantName: '李小明',
      applicantContact: '13812345678',
      channel: 'registered_mail',
      submittedOn: '2024-02-26',
      confirmedOn: '2024-03-01',
      content: '申请公开某道路改造工程的批复文件',
    });
    assert.equal(app.receivedOn, '2024-03-01');
    const calendar = await loadCalendar(db);
    await addEvent(db, as('张科长'), app.id, { kind: 'correction_requested', onDate: '2024-03-05', data: { items: '请明确工程名称' } });
    await addEvent(db, as('张科长'), app.id, { kind: 'correction_received', onDate: '2024-03-18' });
    await addEvent(db, as('张科长'), app.id, { kind: 'consultation_started', onDate: '2024-03-20', data: { party: '施工单位' } });
    await addEvent(db, as('张科长'), app.id, { kind: 'consultation_ended', onDate: '2024-03-29' });
    const row = await addEvent(db, as('王主任'), app.id, { kind: 'extension', onDate: '2024-04-08', data: { days: 20, approver: '王主任' } });
    const d = deadlineOf(calendar, row, await eventsOf(db, app.id));
    // 40 working days from 2024-03-18: the consultation (21–29 March, 7 working days) and 清明,
    // 劳动节 off; the 调休 days 7 April, 28 April and 11 May worked.
    assert.equal(d.due, '2024-05-24');
    assert.equal(d.steps[0], '自2024年3月18日（收到补正后的申请）的次日起计算');
    assert.ok(d.steps.some((s) => s.startsWith('征求第三方或其他机关意见：2024年3月21日至2024年3月29日不计算在内（其中7个工作日）')));
    const closed = await addEvent(db, as('张科长'), app.id, { kind: 'answered', onDate: '2024-05-20', data: { outcome: 'partial' } });
    assert.deepEqual([closed.state, closed.outcome, closed.closedOn], ['closed', 'partial', '2024-05-20']);
    await assert.rejects(
      addEvent(db, as('张科长'), app.id, { kind: 'withdrawn', onDate: '2024-05-21' }),
      (e: unknown) => e instanceof AppError && /已办结/.test(e.message),
    );
    const trail = await auditTrail(db, as('admin'), { table: 'applications', rowKey: String(app.id) });
    assert.equal((trail.at(-1)?.after as { applicant_name: string }).applicant_name, '李**');
    assert.equal((trail.at(-1)?.after as { applicant_contact: string }).applicant_contact, '138****5678');
    const full = await auditTrail(db, as('admin'), { table: 'applications', rowKey: String(app.id), personal: true });
    assert.equal((full.at(-1)?.after as { applicant_name: string }).applicant_name, '李小明');
    assert.equal(trail.length, 1 + 6);
    assert.deepEqual(
      trail.map((t) => t.actor),
      ['张科长', '王主任', '张科长', '张科长', '张科长', '张科长', '张科长'],
    );
    const last = trail[0] as { before: { state: string }; after: { state: string } };
    assert.deepEqual([last.before.state, last.after.state], ['received', 'closed']);
    // By actor (part of the name) and by days, in the database's own terms.
    const rowOf = { table: 'applications', rowKey: String(app.id) };
    assert.deepEqual(
      (await auditTrail(db, as('admin'), { ...rowOf, actor: '主任' })).map((t) => t.actor),
      ['王主任'],
    );
    assert.equal((await auditTrail(db, as('admin'), { actor: '无此人' })).length, 0);
    const today = (await db.query<{ d: string }>('select current_date::text as d')).rows[0]!.d;
    const yesterday = (await db.query<{ d: string }>('select (current_date - 1)::text as d')).rows[0]!.d;
    assert.equal((await auditTrail(db, as('admin'), { ...rowOf, from: today, to: today })).length, trail.length);
    assert.equal((await auditTrail(db, as('admin'), { ...rowOf, to: yesterday })).length, 0);
    assert.equal((await auditTrail(db, as('admin'), { ...rowOf, from: today, actor: '张科长', limit: 3 })).length, 3);
  }));

test('register: receipt rules of 条例 art. 31 and bad input refused whole', () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, as('a'), { name: '西坪乡人民政府' });
    const base = { agencyId: agency.id, applicantKind: 'business', applicantName: '某公司', content: '申请公开', submittedOn: '2024-06-03' } as const;
    assert.equal((await createApplication(db, as('a'), { ...base, channel: 'in_person' })).receivedOn, '2024-06-03');
    assert.equal((await createApplication(db, as('a'), { ...base, channel: 'online', confirmedOn: '2024-06-05' })).receivedOn, '2024-06-05');
    await assert.rejects(createApplication(db, as('a'), { ...base, channel: 'ordinary_mail' }), /平信提交的申请须填写确认收到日期/);
    await assert.rejects(createApplication(db, as('a'), { ...base, applicantKind: 'person' as never, channel: 'in_person' }), /申请人类型应为/);
    await assert.rejects(createApplication(db, as('a'), { ...base, agencyId: 999, channel: 'in_person' }), Error);
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from applications');
    assert.equal(rows[0]?.n, 2);
  }));

test('register: 信息处理费 按件 counts the applicant’s applications of the month', () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, as('a'), { name: '北塘区财政局' });
    let last = 0;
    for (let i = 0; i < 12; i++) {
      last = (
        await createApplication(db, as('a'), {
          agencyId: agency.id,
          applicantKind: 'natural',
          applicantName: '郑',
          applicantContact: '1',
          channel: 'in_person',
          submittedOn: `2024-07-${String(i + 1).padStart(2, '0')}`,
          content: 'x',
        })
      ).id;
    }
    await createApplication(db, as('a'), {
      agencyId: agency.id,
      applicantKind: 'natural',
      applicantName: '郑',
      applicantContact: '1',
      channel: 'in_person',
      submittedOn: '2024-08-01',
      content: 'x',
    });
    assert.deepEqual(await quoteFee(db, as('a'), last, 'by_count'), { amount: 100, basis: '本月第12件，第11至30件每件100元', method: 'by_count' });
    assert.equal((await quoteFee(db, as('a'), last + 1, 'by_count')).amount, 0);
    assert.equal((await quoteFee(db, as('a'), last, 'by_pages', 120)).amount, 1100);
    await addEvent(db, as('a'), last, { kind: 'fee_notice', onDate: '2024-07-15', data: { method: 'by_count', amount: 100 } });
    const lapsed = await addEvent(db, as('a'), last, { kind: 'fee_lapsed', onDate: '2024-08-13' });
    assert.deepEqual([lapsed.outcome, lapsed.closedOn], ['other.fee_unpaid', '2024-08-13']);
  }));

test('register: due soon and overdue lists, names masked', () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, as('a'), { name: '长宁区司法局' });
    const make = (name: string, day: string) =>
      createApplication(db, as('a'), {
        agencyId: agency.id,
        applicantKind: 'natural',
        applicantName: name,
        channel: 'in_person',
        submittedOn: day,
        content: 'x',
      });
    const late = await make('赵大海', '2024-09-02');
    await make('钱二', '2024-10-14');
    await make('孙三', '2024-11-20');
    const list = await dueList(db, as('a'), [agency.id], '2024-11-06', 5);
    assert.deepEqual(
      list.map((i) => [i.id, i.applicant, i.due, i.overdue]),
      [
        [late.id, '赵**', '2024-09-30', true],
        [late.id + 1, '钱*', '2024-11-11', false],
      ],
    );
  }));

test('register: a locked year refuses changes that would alter its report, and accepts the rest', () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, as('a'), { name: '梅林街道办事处' });
    const carried = await createApplication(db, as('a'), {
      agencyId: agency.id,
      applicantKind: 'natural',
      applicantName: '周',
      channel: 'in_person',
      submittedOn: '2024-12-20',
      content: 'x',
    });
    const review = await addReview(db, as('a'), { agencyId: agency.id, kind: 'review', filedOn: '2024-11-01' });
    await setProactive(db, as('a'), agency.id, 2024, { 'a.penalty.decisions': 12 });
    await lockYear(db, as('主任'), agency.id, 2024);
    const locked = (e: unknown) => e instanceof AppError && e.code === 'locked' && /2024年度报告已发布并锁定/.test(e.message);
    await assert.rejects(setProactive(db, as('a'), agency.id, 2024, { 'a.penalty.decisions': 13 }), locked);
    await assert.rejects(
      createApplication(db, as('a'), {
        agencyId: agency.id,
        applicantKind: 'natural',
        applicantName: '吴',
        channel: 'in_person',
        submittedOn: '2024-12-30',
        content: 'x',
      }),
      locked,
    );
    await assert.rejects(addEvent(db, as('a'), carried.id, { kind: 'answered', onDate: '2024-12-31', data: { outcome: 'granted' } }), locked);
    // Answering the carried-over case in 2025, and closing the review in 2025, leave 2024 as published.
    const answered = await addEvent(db, as('a'), carried.id, { kind: 'answered', onDate: '2025-01-06', data: { outcome: 'granted' } });
    assert.equal(answered.state, 'closed');
    await closeReview(db, as('a'), review, 'upheld', '2025-02-01');
    await setProactive(db, as('a'), agency.id, 2025, { 'a.penalty.decisions': 3 });
  }));

test('register: functions check the actor — a clerk writes only their agencies, a viewer only reads, agencies are the administrator’s', () =>
  withDatabase(async (db) => {
    const mine = await createAgency(db, as('admin'), { name: '东湖区教育局' });
    const other = await createAgency(db, as('admin'), { name: '东湖区财政局' });
    const clerk = { userId: '钱经办', role: 'clerk', agencyIds: [mine.id] } as const;
    const viewer = { userId: '孙查阅', role: 'viewer', agencyIds: [mine.id] } as const;
    const input = { applicantKind: 'natural', applicantName: '甲', channel: 'in_person', submittedOn: '2024-06-03', content: '申请公开' } as const;
    const app = await createApplication(db, clerk, { ...input, agencyId: mine.id });
    const forbidden = (e: unknown) => e instanceof AppError && e.code === 'forbidden';
    await assert.rejects(createApplication(db, clerk, { ...input, agencyId: other.id }), forbidden);
    await assert.rejects(addEvent(db, viewer, app.id, { kind: 'withdrawn', onDate: '2024-06-04' }), forbidden);
    await assert.rejects(createAgency(db, clerk, { name: '新机关' }), forbidden);
    await assert.rejects(dueList(db, clerk, [other.id], '2024-06-04'), forbidden);
    assert.equal((await dueList(db, viewer, [mine.id], '2024-06-28')).length, 1);
    const trail = await auditTrail(db, clerk, { applicationId: app.id });
    assert.deepEqual(
      trail.map((t) => [t.actor, t.tableName]),
      [
        ['钱经办', 'application_events'],
        ['钱经办', 'applications'],
      ],
    );
    await assert.rejects(auditTrail(db, clerk, {}), forbidden);
  }));
