import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../db/index.ts';
import { withDatabase } from '../testing/db.ts';
import { adminActor } from './actor.ts';
import { createAgency } from './agencies.ts';
import { createApplication } from './applications.ts';
import { reportFromRegister } from './report-from-register.ts';
import { lockYear } from './registers.ts';

const admin = adminActor('管理员');
const isLocked = (e: unknown) => e instanceof AppError && e.code === 'locked';

function application(agencyId: number, reference: string) {
  return {
    agencyId,
    reference,
    applicantKind: 'natural' as const,
    applicantName: '李小明',
    applicantContact: '13812345678',
    channel: 'in_person' as const,
    submittedOn: '2024-03-01',
    confirmedOn: '2024-03-01',
    content: '某工程的批复文件',
  };
}

test("year lock: a government's locked year covers its departments, present and added later", () =>
  withDatabase(async (db) => {
    const gov = await createAgency(db, admin, { name: '东湖区人民政府' });
    const dept = await createAgency(db, admin, { name: '东湖区民政局', parentId: gov.id });
    await createApplication(db, admin, application(dept.id, '2024-001'));
    const before = await reportFromRegister(db, admin, gov.id, 2024, { includeChildren: true });
    await lockYear(db, admin, gov.id, 2024);
    await assert.rejects(createApplication(db, admin, application(dept.id, '2024-002')), isLocked);
    const late = await createAgency(db, admin, { name: '东湖区新设局', parentId: gov.id });
    await assert.rejects(createApplication(db, admin, application(late.id, '2024-003')), isLocked);
    // Moving an agency with its records under the locked government is refused too.
    const outside = await createAgency(db, admin, { name: '西湖区民政局' });
    await createApplication(db, admin, application(outside.id, '2024-004'));
    await assert.rejects(
      db.transaction('管理员', (tx) => tx.query('update agencies set parent_id = $1 where id = $2', [gov.id, outside.id])),
      isLocked,
    );
    const after = await reportFromRegister(db, admin, gov.id, 2024, { includeChildren: true });
    assert.deepEqual(after.cells, before.cells);
    // Another year and an unrelated agency stay open.
    await createApplication(db, admin, { ...application(dept.id, '2025-001'), submittedOn: '2025-03-03', confirmedOn: '2025-03-03' });
  }));

test('year lock: a write waiting behind a lock being taken sees the lock (serialised on PostgreSQL)', () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, admin, { name: '东湖区交通运输局' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let taken!: () => void;
    const inserted = new Promise<void>((resolve) => (taken = resolve));
    const locking = db.transaction('管理员', async (tx) => {
      await tx.query('insert into year_locks (agency_id, year, actor) values ($1, 2024, $2)', [agency.id, '管理员']);
      taken();
      await gate;
    });
    await inserted;
    const writing = createApplication(db, admin, application(agency.id, '2024-001'));
    const settled = writing.then(
      () => 'ok',
      (e: unknown) => e,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await locking;
    assert.ok(isLocked(await settled), 'the application passed a lock taken before it committed');
  }));
