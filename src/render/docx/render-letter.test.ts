import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { renderLetter } from './render-letter.ts';

test('letter DOCX: A4 with official margins, title in 方正小标宋简体, body in 仿宋_GB2312 indented, 编号 and sign-off right-aligned; text escaped', async () => {
  const bytes = await renderLetter({
    title: '东湖区民政局政府信息公开申请答复书',
    paragraphs: ['编号：2026-007', '李小明：', '本机关于2026年1月5日收到您提出的政府信息公开申请，申请公开“<a&b>”。'],
    signature: ['东湖区民政局', '2026年1月20日'],
  });
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml'] as Uint8Array);
  assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(xml, /w:top="2098"/);
  const paragraphs = xml.split('<w:p>').slice(1);
  const find = (text: string) => paragraphs.find((p) => p.includes(text)) ?? '';
  assert.match(find('答复书'), /<w:jc w:val="center"\/>/);
  assert.match(find('答复书'), /w:eastAsia="方正小标宋简体"/);
  assert.match(find('编号：2026-007'), /<w:jc w:val="right"\/>/);
  assert.doesNotMatch(find('李小明：'), /w:firstLine/);
  assert.match(find('本机关于'), /w:firstLine="640"/);
  assert.match(find('本机关于'), /w:eastAsia="仿宋_GB2312"/);
  assert.ok(find('本机关于').includes('“&lt;a&amp;b&gt;”'));
  assert.match(find('2026年1月20日'), /<w:jc w:val="right"\/>/);
  assert.match(find('东湖区民政局</w:t>'), /<w:keepNext\/>/, 'the agency keeps with the date');
});
