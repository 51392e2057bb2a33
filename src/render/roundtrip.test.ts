import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readReportBytes } from '../ingest/index.ts';
import { cellValues, type Report } from '../report/index.ts';
import { randomReport } from '../testing/random-report.ts';
import { renderDocx } from './docx/render-docx.ts';
import { renderHtml } from './html/render-html.ts';
import { renderMarkdown } from './markdown/render-markdown.ts';

const REPORTS = Array.from({ length: 24 }, (_, i) => randomReport(i + 1, { blanks: i % 4 === 0 }));

async function same(report: Report, file: string, bytes: Uint8Array | string): Promise<void> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const back = await readReportBytes(file, data);
  assert.deepEqual(cellValues(back), cellValues(report), file);
  assert.deepEqual([back.meta.agency, back.meta.year, back.meta.format], [report.meta.agency, report.meta.year, report.meta.format], file);
  // The signature's date is read back too (an HTML page's <footer> is site chrome the reader drops: the signature is not one).
  assert.ok(report.meta.date, 'random reports carry a date');
  assert.equal(back.meta.date, report.meta.date, `${file}: date`);
}

test('round trip: random reports → HTML → read back: same cells, agency, year, format', async () => {
  for (const [i, r] of REPORTS.entries()) await same(r, `r${i}.html`, renderHtml(r));
});

test('round trip: random reports → DOCX → read back', async () => {
  for (const [i, r] of REPORTS.entries()) await same(r, `r${i}.docx`, await renderDocx(r));
});

test('round trip: random reports → Markdown → read back', async () => {
  for (const [i, r] of REPORTS.entries()) await same(r, `r${i}.md`, renderMarkdown(r));
});
