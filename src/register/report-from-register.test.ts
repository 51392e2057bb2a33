import { adminActor } from './actor.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runChecks } from '../check/index.ts';
import { APPLICANT_COLUMNS } from '../format/index.ts';
import { cellValues } from '../report/index.ts';
import { randomCases } from '../testing/cases.ts';
import { withDatabase } from '../testing/db.ts';
import { createAgency, findAgency } from './agencies.ts';
import { importCases } from './import-cases.ts';
import { addReview, closeReview, setProactive, setReportText } from './registers.ts';
import { reportFromRegister } from './report-from-register.ts';

/** An administrator of the test register. */
const as = (userId: string) => adminActor(userId);

test('report from the register: three years of generated cases — every check passes, carried over chains year to year', () =>
  withDatabase(async (db) => {
    const city = await createAgency(db, as('a'), { name: '临江市人民政府' });
    const dept = await createAgency(db, as('a'), { name: '临江市教育局', parentId: (await findAgency(db, '临江市人民政府')).id });
    const other = await createAgency(db, as('a'), { name: '临江市司法局', parentId: (await findAgency(db, '临江市人民政府')).id });
    await importCases(db, as('a'), dept.id, randomCases(1, 2500, [2022, 2023, 2024]));
    await importCases(db, as('a'), other.id, randomCases(2, 800, [2022, 2023, 2024]));
    await setProactive(db, as('a'), dept.id, 2023, { 'a.licensing.decisions': 41 });
    await setProactive(db, as('a'), dept.id, 2023, { 'a.fees.amount': 1.25 });
    const r = await addReview(db, as('a'), { agencyId: dept.id, kind: 'review', filedOn: '2023-05-01' });
    await closeReview(db, as('a'), r, 'corrected', '2023-07-01');
    await addReview(db, as('a'), { agencyId: dept.id, kind: 'suit_direct', filedOn: '2023-12-01' });
    for (let s = 1; s <= 6; s++) await setReportText(db, as('a'), dept.id, 2023, s, s === 6 ? '本年度未收取信息处理费。' : `第${s}部分的内容。`);

    const reports = [];
    for (const year of [2022, 2023, 2024]) {
      const report = await reportFromRegister(db, as('a'), dept.id, year);
      const errors = runChecks(report).filter((f) => f.severity === 'error');
      assert.deepEqual(errors, [], `${year}`);
      reports.push(cellValues(report));
    }
    for (const c of APPLICANT_COLUMNS) {
      assert.equal(reports[1]?.[`b.carried_in.${c.key}`], reports[0]?.[`b.carried_out.${c.key}`], c.key);
      assert.equal(reports[2]?.[`b.carried_in.${c.key}`], reports[1]?.[`b.carried_out.${c.key}`], c.key);
    }
    const y2023 = reports[1] ?? {};
    assert.ok((y2023['b.new.total'] as number) > 700);
    assert.equal(y2023['a.licensing.decisions'], 41);
    assert.equal(y2023['a.fees.amount'], 1.25);
    assert.deepEqual(
      [y2023['c.review.corrected'], y2023['c.review.total'], y2023['c.suit_direct.pending'], y2023['c.suit_direct.total']],
      [1, 1, 1, 1],
    );

    // The government's report sums its departments'.
    const sum = cellValues(await reportFromRegister(db, as('a'), city.id, 2023, { includeChildren: true }));
    const two = cellValues(await reportFromRegister(db, as('a'), other.id, 2023));
    assert.equal(sum['b.new.total'], (y2023['b.new.total'] as number) + (two['b.new.total'] as number));
    assert.deepEqual(
      runChecks(await reportFromRegister(db, as('a'), city.id, 2023, { includeChildren: true })).filter((f) => f.severity === 'error'),
      [],
    );
  }));

test('report from the register: the applications a report counts are exactly those the year lock protects (one rule, two places)', () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, as('a'), { name: '南岭县民政局' });
    await importCases(db, as('a'), agency.id, randomCases(11, 400, [2022, 2023, 2024]));
    for (const year of [2022, 2023, 2024, 2025]) {
      const r = await reportFromRegister(db, as('a'), agency.id, year);
      const counted = (r.cells['b.new.total']?.value ?? 0) + (r.cells['b.carried_in.total']?.value ?? 0);
      // gongkai_application_share is what the lock trigger compares before and after a change.
      const { rows } = await db.query<{ n: number }>(
        'select count(*)::int as n from applications where agency_id = $1 and gongkai_application_share(applicant_kind, received_on, closed_on, outcome, $2) is not null',
        [agency.id, year],
      );
      assert.equal(counted, rows[0]?.n, `year ${year}`);
      assert.ok(year === 2025 || counted > 0);
    }
  }));
