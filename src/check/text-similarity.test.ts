import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NEARLY_SAME, nearlySame, normaliseText, textSimilarity } from './text-similarity.ts';

const LAST =
  '2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条，收到政府信息公开申请12件，均在法定期限内答复。进一步加强政府信息管理，完善公开平台建设，强化监督保障。';

test('text similarity: equal after normalisation is 1; spaces, punctuation and full-width forms do not count', () => {
  assert.equal(textSimilarity(LAST, LAST), 1);
  assert.equal(textSimilarity('收到申请１２件。', '收到申请 12 件'), 1);
  assert.equal(normaliseText('ＡＢ，c d！'), 'abcd');
});

test('text similarity: a copy with only the figures changed is nearly the same; a new text is not', () => {
  const copied = LAST.replace('2023', '2024').replace('120', '135').replace('12件', '15件');
  const score = textSimilarity(LAST, copied);
  assert.ok(score >= NEARLY_SAME && score < 1, String(score));
  assert.equal(nearlySame(LAST, copied), true);
  const rewritten =
    '2024年，我局围绕数字政府建设，新上线依申请公开网上办理系统，办理时限平均缩短至8个工作日；在政务服务大厅设置查阅点，开展业务培训3次。';
  const low = textSimilarity(LAST, rewritten);
  assert.ok(low < 0.5, String(low));
  assert.equal(nearlySame(LAST, rewritten), false);
});

test('text similarity: symmetric, bounded, empty texts are never a repetition', () => {
  const a = '主动公开信息';
  const b = '主动公开政府信息';
  assert.equal(textSimilarity(a, b), textSimilarity(b, a));
  assert.equal(textSimilarity(a, b), (2 * 4) / (5 + 7));
  assert.equal(textSimilarity('', ''), 0);
  assert.equal(textSimilarity('。。', '无'), 0);
  assert.equal(textSimilarity('无', '无'), 1);
  assert.equal(textSimilarity('无', '有'), 0);
});
