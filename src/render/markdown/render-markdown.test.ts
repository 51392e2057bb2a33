import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readReportBytes } from '../../ingest/index.ts';
import { cellValues } from '../../report/index.ts';
import { randomReport } from '../../testing/random-report.ts';
import { escapeMarkdown, renderMarkdown } from './render-markdown.ts';

test('markdown: HTML and link syntax from the agency, title and sections is escaped, not emitted', () => {
  const report = randomReport(4);
  report.meta.agency = '<script>alert(1)</script>东湖区民政局';
  const first = report.sections[0];
  assert.ok(first);
  first.text = '<img src=x onerror=alert(1)>详见[链接](javascript:alert(1))与![图](x.png)，*强调*';
  const md = renderMarkdown(report);
  assert.doesNotMatch(md, /<script|<img|(?<!\\)\]\(javascript:|(?<!\\)!\[|(?<!\\)\*强调/);
  assert.match(md, /&lt;script&gt;alert\(1\)&lt;\/script&gt;东湖区民政局/);
});

test('markdown: escaping keeps plain Chinese text and numbers as they are; the cells still read back', async () => {
  assert.equal(escapeMarkdown('本年度共收到申请3件（其中1件补正）。'), '本年度共收到申请3件（其中1件补正）。');
  const report = randomReport(9);
  const back = await readReportBytes('r.md', new TextEncoder().encode(renderMarkdown(report)));
  assert.deepEqual(cellValues(back), cellValues(report));
});
