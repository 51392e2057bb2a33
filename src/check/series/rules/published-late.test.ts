import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validReport } from '../../testing.ts';
import { publishedLate } from './published-late.ts';

function report(agency: string, date: string | null) {
  const r = validReport();
  r.meta.agency = agency;
  r.meta.year = 2023;
  r.meta.date = date;
  return r;
}

test('published-late: a department by 31 January, a government by 31 March', () => {
  assert.deepEqual(publishedLate.check(report('东湖区民政局', '2024-01-31'), {}), []);
  assert.deepEqual(publishedLate.check(report('东湖区人民政府', '2024-03-31'), {}), []);
  assert.deepEqual(publishedLate.check(report('东湖区人民政府办公室', '2024-02-20'), {}), []);
});

test('published-late: a department on 1 February is late; the message names the deadline', () => {
  const findings = publishedLate.check(report('东湖区民政局', '2024-02-01'), {});
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.severity, 'warning');
  assert.equal(findings[0]?.message, '2023年度报告所署日期为2024年2月1日，晚于法定期限（部门应于2024年1月31日前公布）');
  assert.deepEqual([findings[0]?.expected, findings[0]?.actual], ['2024-01-31', '2024-02-01']);
});

test('published-late: the given date and level override the document', () => {
  assert.equal(publishedLate.check(report('东湖区民政局', '2024-01-10'), { publishedOn: '2024-04-02' }).length, 1);
  assert.equal(publishedLate.check(report('东湖区民政局', '2024-03-02'), { level: 'government' }).length, 0);
  assert.equal(publishedLate.check(report('东湖区人民政府', '2024-04-01'), {})[0]?.expected, '2024-03-31');
});

test('published-late: no date, or a date inside the report year, is not judged', () => {
  assert.deepEqual(publishedLate.check(report('东湖区民政局', null), {}), []);
  assert.deepEqual(publishedLate.check(report('东湖区民政局', '2023-06-30'), {}), []);
});
