import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError, ERROR_CODES, exitCodeOf, httpStatusOf, INTERNAL_EXIT } from './errors.ts';
import { ReadError } from './ingest/document.ts';
import { BrowserMissingError } from './render/pdf/browser.ts';

test('errors: one table maps every code to an exit code and an HTTP status; other errors are internal', () => {
  assert.equal(exitCodeOf(new AppError('not_found', '没有')), ERROR_CODES.not_found.exit);
  assert.equal(httpStatusOf(new AppError('locked', '已锁定')), 423);
  assert.equal(httpStatusOf(new AppError('forbidden', '无权')), 403);
  assert.equal(exitCodeOf(new TypeError('x')), INTERNAL_EXIT);
  assert.equal(httpStatusOf(new TypeError('x')), 500);
  for (const spec of Object.values(ERROR_CODES)) assert.ok(spec.http >= 400 && spec.exit > 0);
});

test('errors: ReadError and BrowserMissingError are codes of AppError with their details', () => {
  const read = new ReadError('a.pdf', '文件为空', 'empty file');
  assert.ok(read instanceof AppError);
  assert.equal(read.code, 'unreadable');
  assert.deepEqual(read.details, { file: 'a.pdf', reason: '文件为空', reasonEn: 'empty file' });
  assert.equal(read.message, 'a.pdf：文件为空（empty file）');
  const browser = new BrowserMissingError('没有');
  assert.ok(browser instanceof AppError);
  assert.equal(browser.code, 'unavailable');
  assert.equal(httpStatusOf(browser), 503);
  assert.deepEqual(new AppError('invalid', '错', { rows: [2] }).toJSON(), { code: 'invalid', message: '错', details: { rows: [2] } });
});
