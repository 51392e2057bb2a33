import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { renderHtml } from '../render/html/render-html.ts';
import { cellValues } from '../report/index.ts';
import { encodeGbk, minimalPdf } from '../testing/fixtures.ts';
import { Random } from '../testing/random.ts';
import { randomReport } from '../testing/random-report.ts';
import { ReadError } from './document.ts';
import { readReportBytes } from './read-report.ts';

async function refused(file: string, bytes: Uint8Array, reason: RegExp): Promise<void> {
  await assert.rejects(readReportBytes(file, bytes), (e: unknown) => {
    assert.ok(e instanceof ReadError, `${file}: ${String(e)}`);
    assert.ok(e.message.startsWith(`${file}：`), e.message);
    assert.match(e.reason, reason);
    return true;
  });
}

test('hostile: a zip bomb renamed .docx is refused before inflating', async () => {
  const bomb = zipSync({ 'word/document.xml': new Uint8Array(70 * 1024 * 1024).fill(0x61) }, { level: 9 });
  assert.ok(bomb.length < 1024 * 1024);
  await refused('bomb.docx', bomb, /压缩炸弹/);
});

test('hostile: a truncated PDF, an encrypted PDF, a PNG renamed .pdf, an empty file', async () => {
  const pdf = minimalPdf([['Hello']]);
  await refused('cut.pdf', pdf.subarray(0, Math.floor(pdf.length / 3)), /PDF/);
  await refused('locked.pdf', minimalPdf([['secret']], { encrypted: true }), /加密/);
  await refused('photo.pdf', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), /PNG 图片/);
  await refused('empty.pdf', new Uint8Array(), /文件为空/);
  await refused('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 Office/);
  await refused('notzip.docx', new TextEncoder().encode('PK not really a zip'), /DOCX/);
});

test('hostile: a scanned PDF (no text layer) yields the finding 「扫描件，无文字层」 and no cells', async () => {
  // A scan shows nothing of a report, but it is recognised as a scan rather than as junk.
  const report = await readReportBytes('scan.pdf', minimalPdf([[], []]));
  assert.deepEqual(cellValues(report), {});
  assert.match(report.messages.map((m) => m.message).join(''), /扫描件，无文字层/);
});

test('hostile: a 50 MB HTML page is refused with its size', async () => {
  const big = new TextEncoder().encode(`<html><body>${'<p>政府信息公开</p>'.repeat(2_300_000)}</body></html>`);
  assert.ok(big.length > 50 * 1024 * 1024);
  await refused('huge.html', big, /网页过大（\d+ MB/);
});

test('hostile: a GBK page without any charset declaration is read right', async () => {
  const report = randomReport(12, { format: '2021' });
  const html = renderHtml(report).replace('<meta charset="utf-8">\n', '');
  const bytes = encodeGbk(html);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  const back = await readReportBytes('gbk.html', bytes);
  assert.deepEqual(cellValues(back), cellValues(report));
  assert.equal(back.meta.agency, report.meta.agency);
});

test('hostile: random bytes under any name never crash the reader', async () => {
  const rng = new Random(99);
  for (const name of ['a.pdf', 'a.docx', 'a.html', 'a.txt']) {
    for (let i = 0; i < 20; i++) {
      const bytes = new Uint8Array(rng.int(1, 4000)).map(() => rng.int(0, 255));
      if (name === 'a.pdf') bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
      if (name === 'a.docx') bytes.set([0x50, 0x4b, 0x03, 0x04]);
      try {
        await readReportBytes(name, bytes);
      } catch (e) {
        assert.ok(e instanceof ReadError, `${name} #${i}: ${String(e)}`);
      }
    }
  }
});

test('hostile: an HTML page nested 100,000 deep is refused with a clear error, not a stack overflow', async () => {
  const depth = 100_000;
  const page = `<html><body><h1>2024年政府信息公开工作年度报告</h1>${'<div>'.repeat(depth)}一、总体情况${'</div>'.repeat(depth)}</body></html>`;
  await assert.rejects(
    readReportBytes('deep.html', new TextEncoder().encode(page)),
    (e: unknown) => e instanceof ReadError && /^deep\.html：网页元素嵌套过深（超过 2000 层）/.test(e.message),
  );
});
