import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprint, sameness, SHINGLE } from './sameness.ts';

const TEXT =
  '本机关严格落实政府信息公开保密审查制度，全年审查拟公开信息1234条，未发现泄密情况。下一步将继续完善审查流程，明确审查责任人，杜绝不应公开的信息上网。';

test('sameness: folding drops whitespace and punctuation, masks numbers, folds width and script', () => {
  const a = fingerprint('共收到申请 12 件，办结１１件。');
  assert.equal(a.folded, '共收到申请#件办结#件');
  assert.equal(fingerprint('1,234.5万元').folded, '#万元');
  // A mirror site's Traditional page (detected on the whole text, as the reader does).
  const traditional = '國務院辦公廳關於政府信息公開工作的通知。'.repeat(2);
  assert.equal(fingerprint(traditional).folded, fingerprint('国务院办公厅关于政府信息公开工作的通知。'.repeat(2)).folded);
});

test('sameness: a copy with new figures scores 1 and shows the passage in its own wording', () => {
  const copy = fingerprint(TEXT.replace('1234', '987'));
  const s = sameness(copy, fingerprint(TEXT));
  assert.equal(s.score, 1);
  assert.equal(s.passages.length, 1);
  assert.equal(s.passages[0]?.text, TEXT.replace('1234', '987').replace(/。$/, ''));
});

test('sameness: an independent text scores 0; half a text copied scores about half', () => {
  const other = '网站检索功能不够完善，群众查找信息不便。下一阶段我们会升级站内搜索并建立栏目巡查机制。';
  assert.equal(sameness(fingerprint(other), fingerprint(TEXT)).score, 0);
  const half = sameness(fingerprint(`${TEXT}${other}`), fingerprint(TEXT));
  assert.ok(half.score > 0.4 && half.score < 0.7, String(half.score));
  assert.equal(sameness(fingerprint('无'), fingerprint('无')).score, 0, `shorter than ${SHINGLE} characters: nothing to compare`);
  assert.equal(sameness(fingerprint(TEXT), fingerprint(TEXT)).judged, true);
  assert.equal(sameness(fingerprint('本年度未收取信息处理费。'), fingerprint('本年度未收取信息处理费。')).judged, false);
});
