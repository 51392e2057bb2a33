import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Summary } from './summary.ts';

test('batch summary: problems and notes are listed apart, severities in Chinese, failures named', () => {
  const s = new Summary();
  s.addFindings([
    { rule: 'table-c-columns', severity: 'error', message: 'x' },
    { rule: 'table-c-columns', severity: 'error', message: 'y' },
    { rule: 'cell-blank', severity: 'warning', message: 'z' },
    { rule: 'old-format', severity: 'info', message: 'w' },
  ]);
  s.add({ file: 'a.pdf', error: { reason: '扫描件，无文字层', reasonEn: 'scanned' } });
  const text = s.text();
  const problems = text.indexOf('发现问题（按规则）');
  const notes = text.indexOf('提示（按规则）');
  assert.ok(problems > 0 && notes > problems, text);
  const problemPart = text.slice(problems, notes);
  assert.match(problemPart, /2 {2}错误 {2}table-c-columns/);
  assert.match(problemPart, /1 {2}警告 {2}cell-blank/);
  assert.doesNotMatch(problemPart, /old-format/);
  assert.match(text.slice(notes), /1 {2}提示 {2}old-format/);
  assert.match(text, /无法读取的文件：\n\s+a\.pdf：扫描件，无文字层/);
});

test('batch summary: only notes → no 「发现问题」 heading', () => {
  const s = new Summary();
  s.addFindings([{ rule: 'old-format', severity: 'info', message: 'w' }]);
  assert.doesNotMatch(s.text(), /发现问题/);
});
