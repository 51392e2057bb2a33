import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorLine } from './cli/batch/run-batch.ts';
import { reportError } from './cli/fail.ts';
import { printFindings } from './cli/print-findings.ts';
import { ReadError } from './ingest/document.ts';
import { printable } from './printable.ts';

const HOSTILE = 'a\n错误：伪造的一行\u001b]0;title\u0007\u001b[2J\u202e.pdf';

function sink(): NodeJS.WritableStream & { text: string } {
  const s = { text: '', write: (chunk: string) => ((s.text += chunk), true) };
  return s as unknown as NodeJS.WritableStream & { text: string };
}

test('terminal output: control characters of a file name are shown as escapes, never sent to the terminal', () => {
  assert.equal(printable('a\nb\u001b[31m'), 'a\\u{a}b\\u{1b}[31m');
  assert.equal(printable('第1行\n第2行', true), '第1行\n第2行');
  for (const text of [
    errorLine(HOSTILE, { reason: '文件为空', reasonEn: 'empty file' }),
    printFindings(HOSTILE, []),
    new ReadError(HOSTILE, '文件为空', 'empty file').message,
  ]) {
    assert.doesNotMatch(text, /[\u0000-\u001f\u007f\u202e]/, JSON.stringify(text));
  }
  const err = sink();
  reportError(new ReadError(HOSTILE, '文件为空', 'empty file'), err);
  assert.equal(err.text.split('\n').length, 2);
});

test('crash output: a defect is one line, without the stack or the rest of a message quoting input', () => {
  const err = sink();
  const code = reportError(new Error('invalid byte sequence\nparameters: 李小明, 13812345678'), err);
  assert.equal(code, 70);
  assert.match(err.text, /^程序内部错误（请报告此问题；设置 GONGKAI_DEBUG=1 可显示详细信息）：Error: invalid byte sequence\n$/);
});
