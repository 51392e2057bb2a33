import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../errors.ts';
import { OUTCOMES } from '../vocabulary.ts';
import { composeLetter, type LetterFacts, letterReadiness } from './compose-letter.ts';
import { OUTCOME_WORDING } from './outcome-wording.ts';

const CASE: LetterFacts = {
  agency: '东湖区民政局',
  parentAgency: '东湖区人民政府',
  reference: '2026-007',
  applicantName: '李小明',
  content: '某工程的批复文件',
  receivedOn: '2026-01-05',
};

test('letters: every outcome of table 三 has an answer wording citing the 条例, and the answer ends with the remedies', () => {
  assert.deepEqual(Object.keys(OUTCOME_WORDING).sort(), [...OUTCOMES].sort());
  for (const outcome of OUTCOMES) {
    const letter = composeLetter('answer', { ...CASE, answer: { on: '2026-01-20', outcome } });
    assert.match(letter.legalBasis, /《中华人民共和国政府信息公开条例》第[一二三四五六七八九十]+条/, outcome);
    assert.equal(letter.title, '东湖区民政局政府信息公开申请答复书');
    assert.deepEqual(letter.paragraphs.slice(0, 2), ['编号：2026-007', '李小明：']);
    assert.match(letter.paragraphs[2] as string, /^本机关于2026年1月5日收到您提出的政府信息公开申请，申请公开“某工程的批复文件”。$/);
    assert.match(letter.paragraphs.at(-1) as string, /六十日内向东湖区人民政府申请行政复议.*六个月内依法向人民法院提起行政诉讼/, outcome);
    assert.deepEqual(letter.signature, ['东湖区民政局', '2026年1月20日']);
    assert.equal(letter.outcome, outcome);
    assert.doesNotMatch(letter.paragraphs.join(''), /\{|\}|undefined|null/, outcome);
  }
  const refused = composeLetter('answer', { ...CASE, answer: { on: '2026-01-20', outcome: 'refused.third_party' } });
  assert.equal(refused.legalBasis, '《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项');
  assert.match(refused.paragraphs.join(''), /商业秘密、个人隐私/);
  const granted = composeLetter('answer', { ...CASE, parentAgency: null, answer: { on: '2026-01-20', outcome: 'granted' } });
  assert.equal(granted.legalBasis, '《中华人民共和国政府信息公开条例》第三十六条第（二）项');
  assert.match(granted.paragraphs.at(-1) as string, /有管辖权的行政复议机关/);
  const lapsed = composeLetter('answer', {
    ...CASE,
    correction: { on: '2026-01-08' },
    answer: { on: '2026-02-20', outcome: 'other.no_correction' },
  });
  assert.match(lapsed.paragraphs.join(''), /本机关已于2026年1月8日告知您对申请作出补正/);
});

test('letters: 补正告知书 names what to supplement and by when (条例第三十条); 延期 gives the new date (第三十三条第二款)', () => {
  const correction = composeLetter('correction', {
    ...CASE,
    correction: { on: '2026-01-09', items: '请明确工程名称及批复年份', dueOn: '2026-01-30' },
  });
  assert.equal(correction.title, '东湖区民政局政府信息公开申请补正告知书');
  assert.equal(correction.legalBasis, '《中华人民共和国政府信息公开条例》第三十条');
  const body = correction.paragraphs.join('\n');
  assert.match(body, /请明确工程名称及批复年份/);
  assert.match(body, /请于2026年1月30日前向本机关提交补正后的申请/);
  assert.match(body, /视为放弃申请/);
  assert.deepEqual(correction.signature, ['东湖区民政局', '2026年1月9日']);
  const noDue = composeLetter('correction', { ...CASE, correction: { on: '2026-01-09' } });
  assert.match(noDue.paragraphs.join(''), /请自收到本告知书之日起十五个工作日内/);

  const extension = composeLetter('extension', { ...CASE, extension: { on: '2026-01-28', days: 20, due: '2026-03-04' } });
  assert.equal(extension.legalBasis, '《中华人民共和国政府信息公开条例》第三十三条第二款');
  assert.match(extension.paragraphs.join(''), /答复期限延长20个工作日，本机关将于2026年3月4日前作出答复/);

  const consultation = composeLetter('consultation', { ...CASE, consultation: { on: '2026-01-12', party: '某建设有限公司' } });
  assert.equal(consultation.paragraphs[1], '某建设有限公司：');
  assert.equal(consultation.legalBasis, '《中华人民共和国政府信息公开条例》第三十二条');
  assert.match(consultation.paragraphs.join(''), /十五个工作日内/);
  assert.doesNotMatch(consultation.paragraphs.join(''), /李小明/, 'the third party is not told who applied');
});

test('letters: a letter the case has not reached is refused with the reason', () => {
  for (const kind of ['correction', 'extension', 'consultation', 'answer'] as const) {
    assert.ok(letterReadiness(kind, CASE));
    assert.throws(
      () => composeLetter(kind, CASE),
      (e: unknown) => e instanceof AppError && e.code === 'conflict',
    );
  }
  assert.equal(letterReadiness('answer', { ...CASE, answer: { on: '2026-01-20', outcome: 'granted' } }), undefined);
  assert.match(letterReadiness('answer', { ...CASE, withdrawn: true }) as string, /撤回/);
});
