import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { fingerprints } from './sync-issues.ts';
import { cleanName, expandUpload, UPLOAD_LIMITS } from './upload.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

test('upload: names lose control and bidi characters, leading dots and slashes; long names keep their end', () => {
  assert.equal(cleanName('a\u0000b\r\n\u202eexe.pdf'), 'abexe.pdf');
  assert.equal(cleanName('../../etc/passwd'), 'etc/passwd');
  assert.equal(cleanName('C:\\报告\\年报.pdf'), 'C:/报告/年报.pdf');
  assert.equal(cleanName('  /  '), '上传的文件');
  const long = cleanName(`${'长'.repeat(300)}.pdf`);
  assert.equal(long.length, 255);
  assert.ok(long.endsWith('.pdf'));
});

test('upload: a zip is expanded with its folders; a DOCX (also a zip) is a file; GBK entry names are decoded', () => {
  const docx = zipSync({ '[Content_Types].xml': bytes('<Types/>'), 'word/document.xml': bytes('<w:document/>') });
  const out = expandUpload([
    { name: '批次.zip', bytes: zipSync({ '区/民政局.html': bytes('<p>一</p>'), '区/教育局.docx': docx }) },
    { name: '司法局.docx', bytes: docx },
  ]);
  assert.deepEqual(
    out.entries.map((e) => e.name),
    ['批次.zip/区/民政局.html', '批次.zip/区/教育局.docx', '司法局.docx'],
  );
  assert.deepEqual(out.skipped, []);

  // 「年报.txt」 in GBK, as Windows' archiver writes it (no UTF-8 flag): fflate reads it as Latin-1.
  const gbk = String.fromCharCode(0xc4, 0xea, 0xb1, 0xa8) + '.txt';
  const zipped = zipSync({ [gbk]: bytes('x') });
  assert.deepEqual(
    expandUpload([{ name: 'a.zip', bytes: zipped }]).entries.map((e) => e.name),
    ['a.zip/年报.txt'],
  );
});

test('upload: too many entries refuse the archive; the total inflated size is bounded across files', () => {
  const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}.txt`, bytes(`第${i}份`)]));
  const refused = expandUpload([{ name: 'many.zip', bytes: zipSync(many) }], { ...UPLOAD_LIMITS, maxEntries: 10 });
  assert.deepEqual(refused.entries, []);
  assert.match(refused.skipped[0]?.reason ?? '', /11 个文件，超过上限 10 个/);

  const big = new Uint8Array(600).fill(65);
  const bounded = expandUpload([{ name: 'a.zip', bytes: zipSync({ 'a.txt': big, 'b.txt': big }) }], { ...UPLOAD_LIMITS, maxTotalBytes: 1000 });
  assert.deepEqual(
    bounded.entries.map((e) => e.name),
    ['a.zip/a.txt'],
  );
  assert.match(bounded.skipped[0]?.reason ?? '', /总大小超过上限/);
  assert.equal(bounded.skipped[0]?.name, 'a.zip/b.txt');
});

test('issues: a fingerprint is the rule and its sorted keys, or the message without its figures; repeats are numbered', () => {
  const prints = fingerprints([
    { rule: 'b-balance', severity: 'error', message: '总计不平：12 ≠ 13', keys: ['b.total.total', 'b.new.total'] },
    { rule: 'b-balance', severity: 'error', message: '总计不平：14 ≠ 15', keys: ['b.new.total', 'b.total.total'] },
    { rule: 'section-missing', severity: 'warning', message: '缺少第5部分' },
    { rule: 'section-missing', severity: 'warning', message: '缺少第6部分' },
    { rule: 'metadata-missing', severity: 'warning', message: '未写明发布日期' },
  ]);
  assert.deepEqual(prints, [
    'b-balance|b.new.total,b.total.total',
    'b-balance|b.new.total,b.total.total#2',
    'section-missing|缺少第#部分',
    'section-missing|缺少第#部分#2',
    'metadata-missing|未写明发布日期',
  ]);
});
