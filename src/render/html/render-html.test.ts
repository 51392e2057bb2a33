import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { golden } from '../../testing/golden.ts';
import { randomReport } from '../../testing/random-report.ts';
import { escapeHtml, renderHtml } from './render-html.ts';

test('HTML: golden page for a fixed report (reviewed; UPDATE=1 rewrites)', () => {
  const html = renderHtml(randomReport(7, { format: '2021' }));
  const file = fileURLToPath(new URL('./fixtures/report-7.json', import.meta.url));
  // Stored as JSON lines so the reviewed diff stays readable.
  assert.deepEqual(html.split('\n'), golden(file, html.split('\n')));
});

test('HTML: accessible, standalone, standard merges and escaping', () => {
  const report = randomReport(8, { format: '2021' });
  report.meta.agency = '<东湖>区&民政局';
  const html = renderHtml(report);
  assert.match(html, /^<!doctype html>\n<html lang="zh-CN">/);
  assert.match(html, /<title>&lt;东湖&gt;区&amp;民政局\d{4}年政府信息公开工作年度报告<\/title>/);
  assert.equal((html.match(/<table /g) ?? []).length, 3);
  assert.match(html, /<th colspan="3" rowspan="3" scope="col">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<\/th>/);
  assert.match(html, /<th rowspan="22" scope="row">三、本年度办理结果<\/th>/);
  assert.match(html, /<td data-key="b\.new\.natural">\d+<\/td>/);
  assert.match(html, /thead \{ display: table-header-group; \}/);
  assert.equal(escapeHtml('a<b>&"'), 'a&lt;b&gt;&amp;&quot;');
});
