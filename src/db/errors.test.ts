import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../errors.ts';
import { withDatabase } from '../testing/db.ts';
import { dbError } from './errors.ts';

test('database errors: a refusal with personal data in its parameters becomes a Chinese AppError that quotes none of it', () =>
  withDatabase(async (db) => {
    await db.query("insert into agencies (name) values ('东湖区民政局')");
    const refused = await db
      .query(
        "insert into applications (agency_id, applicant_kind, applicant_name, applicant_contact, channel, submitted_on, received_on, content, clock_start) values (1, 'natural', $1, '13812345678', 'in_person', '2024-03-01', '2024-03-01', '秘密内容', '2024-03-01')",
        ['李\u0000小明'],
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(refused instanceof AppError, String(refused));
    assert.equal(refused.code, 'invalid');
    assert.match(refused.message, /不接受的字符|数据无效/);
    assert.doesNotMatch(JSON.stringify({ m: refused.message, d: refused.details }), /李|1381|秘密/);
  }));

test('database errors: an SQLSTATE names the gist; anything else is returned unchanged', () => {
  const mapped = dbError(Object.assign(new Error('value too long for type character varying(5): 李小明'), { code: '22001' }));
  assert.ok(mapped instanceof AppError);
  assert.equal(mapped.message, '数据过长（SQLSTATE 22001）');
  const other = new TypeError('x');
  assert.equal(dbError(other), other);
});
