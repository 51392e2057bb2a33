import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../html/read-html.ts';
import { textToDocument } from '../text/read-text.ts';
import { locate } from './locate.ts';

const meta = (text: string) => {
  const m = locate(textToDocument('x.txt', text)).meta;
  return [m.agency, m.agencySource ?? null, m.year];
};

test('agency from the title, the signature, the opening, each saying where it came from', () => {
  assert.deepEqual(meta('青石县民政局2022年政府信息公开工作年度报告\n一、总体情况\n本年度…'), ['青石县民政局', 'title', 2022]);
  assert.deepEqual(meta('2022年政府信息公开工作年度报告\n一、总体情况\n本年度…\n六、其他需要报告的事项\n无。\n青石县民政局\n2023年1月10日'), [
    '青石县民政局',
    'signature',
    2022,
  ]);
  assert.deepEqual(meta('一、总体情况\n根据《条例》规定，现公布宁远市住房和城乡建设局政府信息公开工作2022年度报告。'), [
    '宁远市住房和城乡建设局',
    'opening',
    2022,
  ]);
  assert.deepEqual(meta('一、总体情况\n本报告结合市生态环境局2022年度政府信息公开工作情况编制。'), ['市生态环境局', 'opening', 2022]);
});

test('agency: the full official name where the text gives one', () => {
  const text = '东城区税务局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，区税务局认真贯彻。\n国家税务总局宁远市东城区税务局\n2023年1月20日';
  assert.deepEqual(meta(text), ['国家税务总局宁远市东城区税务局', 'signature', 2022]);
  const prose = '一、总体情况\n2022年，东城区税务局认真贯彻。如有疑问，请与国家税务总局宁远市东城区税务局办公室联系。';
  assert.equal(meta(prose)[0], '国家税务总局宁远市东城区税务局');
});

// Regression: 「2022年,区自然资源局局认真落实…」 gave 「区自然资源局局」, a name the report never uses.
test('agency: a doubled last character is a typo, and the fuller name in the text wins', () => {
  const text = '一、总体情况\n本报告涵盖了2022年麒麟区自然资源局政府信息公开工作。\n2022年，区自然资源局局认真落实《条例》。';
  assert.deepEqual(meta(text), ['麒麟区自然资源局', 'opening', 2022]);
  assert.equal(meta('一、总体情况\n2022年，区自然资源局局认真落实《条例》。')[0], '区自然资源局');
});

test('agency from the HTML page title when the body does not name it', () => {
  const html =
    '<html><head><title>东城区民政局2022年政府信息公开工作年度报告_宁远市人民政府</title></head><body><div><p>一、总体情况</p><p>本年度主动公开信息86条。</p></div></body></html>';
  const report = locate(readHtml('p.html', new TextEncoder().encode(html)));
  assert.deepEqual([report.meta.agency, report.meta.year], ['东城区民政局', 2022]);
  assert.equal(report.meta.agencySource, 'page-title');
});
