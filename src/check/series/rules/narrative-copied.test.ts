import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report, Section } from '../../../report/index.ts';
import { validReport } from '../../testing.ts';
import { narrativeCopied } from './narrative-copied.ts';

const PROBLEMS_2023 =
  '存在的主要问题：一是政策解读形式较为单一，图表解读、视频解读占比偏低；二是依申请公开答复文书说理不够充分。改进措施：2024年将丰富解读形式，组织3次答复文书专题培训，规范说理和救济途径告知。';
const PROBLEMS_OTHER =
  '本年度发现的不足主要有：基层站所信息更新不及时，部分栏目长期未维护；网站检索功能不够完善，群众查找信息不便。下一步，我们将建立栏目巡查机制，每月通报更新情况，并升级站内搜索。';

function report(agency: string, year: number, five: string): Report {
  const r = validReport(year);
  r.meta.agency = agency;
  r.meta.year = year;
  // Only section 五 has text: the generator's other texts are one template for every agency.
  r.sections = r.sections.map((s): Section => ({ ...s, text: s.id === 5 ? five : '' }));
  return r;
}

test("narrative-copied: last year's section again, with new figures, is a warning with the passage", () => {
  const last = report('东湖区民政局', 2023, PROBLEMS_2023);
  const now = report('东湖区民政局', 2024, PROBLEMS_2023.replace('2024', '2025').replace('3次', '5次'));
  const findings = narrativeCopied.check(now, { previous: last });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.severity, 'warning');
  assert.match(findings[0]?.message ?? '', /^「五、存在的主要问题及改进情况」与2023年度报告相同：100%的内容重复（数字不计），如「存在的主要问题/);
  assert.equal(findings[0]?.actual, 1);
});

test('narrative-copied: an independent text is silent; a copy from a peer names the peer', () => {
  const last = report('东湖区民政局', 2023, PROBLEMS_2023);
  const now = report('东湖区民政局', 2024, PROBLEMS_OTHER);
  assert.deepEqual(narrativeCopied.check(now, { previous: last }), []);
  const peer = report('西坪乡人民政府', 2024, PROBLEMS_OTHER);
  const findings = narrativeCopied.check(now, { previous: last, peers: [last, peer] });
  assert.equal(findings.length, 1);
  assert.match(findings[0]?.message ?? '', /与西坪乡人民政府同年度报告相同：100%/);
});

test('narrative-copied: a short stock sentence is not judged', () => {
  const last = report('东湖区民政局', 2023, '无。');
  const now = report('东湖区民政局', 2024, '无。');
  assert.deepEqual(narrativeCopied.check(now, { previous: last }), []);
});
