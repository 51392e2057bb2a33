import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReadError } from '../document.ts';
import { decodeText } from './decode.ts';

const REPORT = '一、总体情况\n本年度未收到政府信息公开申请。';

test('decode: UTF-8, UTF-8 with BOM, UTF-16LE with BOM', () => {
  assert.equal(decodeText('a', new TextEncoder().encode(REPORT)).text, REPORT);
  assert.equal(decodeText('a', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(REPORT)])).text, REPORT);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]);
  assert.equal(decodeText('a', new Uint8Array(utf16)).text, REPORT);
});

test('decode: GBK bytes without any declaration', () => {
  // 「一、总体情况」 in GBK, written out byte by byte.
  const gbk = new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6]);
  const decoded = decodeText('a', gbk);
  assert.equal(decoded.text, '一、总体情况');
  assert.equal(decoded.encoding, 'gb18030');
});

test('decode: empty, binary and known binary formats are refused naming the file', () => {
  assert.throws(
    () => decodeText('empty.txt', new Uint8Array()),
    (e: unknown) => e instanceof ReadError && /empty\.txt：文件为空/.test(e.message),
  );
  assert.throws(() => decodeText('x.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), /PNG/);
  assert.throws(() => decodeText('x.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])), /PDF/);
  assert.throws(() => decodeText('junk.bin', new Uint8Array([1, 2, 0, 3, 4, 5])), /二进制/);
});
