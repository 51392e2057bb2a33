import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withDatabase } from '../testing/db.ts';
import { adminActor, type Actor } from './actor.ts';
import { createAgency } from './agencies.ts';
import { createApplication } from './applications.ts';
import { importCases } from './import-cases.ts';
import { COUNT_CAP, searchApplications } from './search-applications.ts';

const admin: Actor = adminActor('test');

test('search: %, _, quote, backslash and control characters are searched for as typed, within one field; SQL is never built from them', () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, admin, { name: '东湖区教育局' });
    const other = await createAgency(db, admin, { name: '东湖区民政局' });
    const add = (agencyId: number, reference: string, applicantName: string, content: string) =>
      createApplication(db, admin, {
        agencyId,
        reference,
        applicantKind: 'natural',
        applicantName,
        channel: 'in_person',
        submittedOn: '2025-03-03',
        content,
      });
    await add(agency.id, 'R-1', '张三', '100% 的学校名单');
    await add(agency.id, 'R-2', '李四', 'a_b 文件');
    await add(agency.id, 'R-3', "O'Brien", '某学校的批复');
    await add(agency.id, 'R-4', '王五', 'C:\\文件\\目录');
    await add(agency.id, 'R_5', '赵六', '招生计划');
    await add(other.id, 'R-1', '张三', '100% 的低保名单');
    const found = async (q: string, ids = [agency.id]) => (await searchApplications(db, admin, ids, { q })).items.map((r) => r.reference).sort();

    assert.deepEqual(await found('%'), ['R-1']);
    assert.deepEqual(await found('100%'), ['R-1']);
    assert.deepEqual(await found('_'), ['R-2', 'R_5'], 'an underscore is a character, not any one character');
    assert.deepEqual(await found('a_b'), ['R-2']);
    assert.deepEqual(await found("O'Brien"), ['R-3']);
    assert.deepEqual(await found("'"), ['R-3']);
    assert.deepEqual(await found('\\'), ['R-4']);
    assert.deepEqual(await found('C:\\文件'), ['R-4']);
    assert.deepEqual(await found("%' or 1=1 --"), []);
    assert.deepEqual(await found("'; drop table applications; --"), []);
    assert.deepEqual(await found('学校'), ['R-1', 'R-3'], 'in the content');
    assert.deepEqual(await found('赵六'), ['R_5'], 'in the applicant');
    assert.deepEqual(await found('r-4'), ['R-4'], 'in the 编号, ignoring case');
    assert.deepEqual(await found('张三 100'), [], 'a match never spans two fields');
    assert.deepEqual(await found('R-1张三'), []);
    assert.deepEqual(await found('\u0001'), ['R-1', 'R-2', 'R-3', 'R-4', 'R_5'], 'control characters alone: no search');
    assert.deepEqual(await found('张三', [agency.id, other.id]), ['R-1', 'R-1']);
    assert.equal((await db.query<{ n: number }>('select count(*)::int as n from applications')).rows[0]?.n, 6);
    // Where pg_trgm exists (always on PGlite), the search has its trigram index (schema v5).
    const trgm = (await db.query('select 1 from pg_available_extensions where name = $1', ['pg_trgm'])).rows.length > 0;
    const index = (await db.query('select 1 from pg_indexes where indexname = $1', ['applications_search'])).rows.length > 0;
    assert.equal(index, trgm);
    if (db.kind === 'pglite') assert.ok(index);
  }));

test('search: the count is exact up to the cap and says when there are more; pages are newest first and complete', () =>
  withDatabase(async (db) => {
    const agency = await createAgency(db, admin, { name: '东湖区教育局' });
    const rows = Array.from({ length: COUNT_CAP + 30 }, (_, i) => ({
      编号: `N${i}`,
      申请人类型: '自然人',
      申请人: `申请人${i}`,
      提交方式: '当面',
      提交日期: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      申请内容: i % 2 ? '招生计划' : '校舍安全',
      答复日期: i % 3 ? '' : '2025-12-30',
      办理结果: i % 3 ? '' : '予以公开',
    }));
    await importCases(db, admin, agency.id, rows);
    const all = await searchApplications(db, admin, [agency.id], { limit: 500 });
    assert.deepEqual([all.total, all.totalExact], [COUNT_CAP + 1, false]);
    const open = await searchApplications(db, admin, [agency.id], { open: true, q: '招生' });
    const expected = rows.filter((_, i) => i % 3 && i % 2).length;
    assert.deepEqual([open.total, open.totalExact], [expected, true]);
    // Every page in order, no case twice, none missed.
    const seen: string[] = [];
    for (let offset = 0; offset < expected; offset += 50) {
      const page = await searchApplications(db, admin, [agency.id], { open: true, q: '招生', offset, limit: 50 });
      seen.push(...page.items.map((r) => `${r.receivedOn}/${String(r.id).padStart(6, '0')}`));
    }
    assert.equal(new Set(seen).size, expected);
    assert.deepEqual(seen, [...seen].sort().reverse());
  }));
