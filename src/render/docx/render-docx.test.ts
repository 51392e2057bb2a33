import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { randomReport } from '../../testing/random-report.ts';
import { renderDocx } from './render-docx.ts';

async function documentXml(format: '2021' | '2019'): Promise<string> {
  const docx = await renderDocx(randomReport(5, { format }));
  return new TextDecoder().decode(unzipSync(docx)['word/document.xml']);
}

function tables(xml: string): string[] {
  return xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
}

test('DOCX: three tables with the standard rows, gridSpan and vMerge', async () => {
  const xml = await documentXml('2021');
  const [a, b, c] = tables(xml);
  assert.ok(a && b && c);
  const rows = (t: string) => (t.match(/<w:tr>|<w:tr /g) ?? []).length;
  assert.deepEqual([rows(a), rows(b), rows(c)], [4 * 2 + 6, 3 + 25, 4]);
  // Table B: the note spans 3 columns and 3 rows; 三、本年度办理结果 starts a vertical merge.
  assert.match(b, /<w:gridSpan w:val="3"\/>[\s\S]*?<w:vMerge w:val="restart"\/>[\s\S]*?本列数据的勾稽关系/);
  assert.match(b, /<w:vMerge w:val="restart"\/>[\s\S]*?三、本年度办理结果/);
  // Continuations: the note (2), 自然人 and 总计 (1 each); 三 (21), （三） (7), （四） (2), （五） (4), （六） (2).
  assert.equal((b.match(/<w:vMerge w:val="continue"\/>/g) ?? []).length, 2 + 1 + 1 + 21 + 7 + 2 + 4 + 2);
  // Table C: 行政复议 over 5 columns, 行政诉讼 over 10.
  assert.match(c, /<w:gridSpan w:val="5"\/>[\s\S]*?行政复议[\s\S]*?<w:gridSpan w:val="10"\/>[\s\S]*?行政诉讼/);
  // Header rows repeat on every page; rows never split.
  assert.match(b, /<w:tblHeader\/>/);
  assert.match(b, /<w:cantSplit\/>/);
});

test('DOCX: official fonts by name, A4, GB/T 9704 margins, page numbers', async () => {
  const docx = await renderDocx(randomReport(6, { format: '2021' }));
  const parts = unzipSync(docx);
  const xml = new TextDecoder().decode(parts['word/document.xml']);
  for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体']) assert.match(xml, new RegExp(`w:eastAsia="${font}"`));
  assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(xml, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  const footer = Object.entries(parts).find(([name]) => /word\/footer\d*\.xml/.test(name));
  assert.ok(footer);
  assert.match(new TextDecoder().decode(footer[1]), /PAGE/);
});

test('DOCX: the 2019 edition has its own table A and one （六） row', async () => {
  const xml = await documentXml('2019');
  const [a, b] = tables(xml);
  assert.match(a ?? '', /第二十条第（九）项[\s\S]*政府集中采购/);
  assert.match(b ?? '', /（六）其他处理/);
  assert.doesNotMatch(b ?? '', /逾期不补正/);
});

test('DOCX: table 三 is kept on one page (every row but the last keeps with the next); headings and the sign-off keep with their text', async () => {
  const xml = await documentXml('2021');
  const [a, b] = tables(xml);
  assert.ok(a && b);
  const rows = b.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? [];
  const kept = rows.map((r) => r.includes('<w:keepNext/>'));
  assert.deepEqual(kept, [...Array(rows.length - 1).fill(true), false]);
  assert.doesNotMatch(a, /<w:keepNext\/>/);
  const paragraphs = (xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '').match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []).filter((p) =>
    /<w:t[ >]/.test(p),
  );
  const heading = paragraphs.find((p) => p.includes('五、存在的主要问题及改进情况'));
  assert.match(heading ?? '', /<w:keepNext\/>/);
  // The last body paragraph and the agency keep with what follows; the date ends the document.
  assert.deepEqual(
    paragraphs.slice(-3).map((p) => p.includes('<w:keepNext/>')),
    [true, true, false],
  );
});
