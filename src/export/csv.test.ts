import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { buildReport } from '../report/index.ts';
import { csvLines, inertField } from './csv.ts';
import { openSink } from './sinks.ts';

test('csv: fields starting with = + - @ tab or CR are made inert; plain numbers stay numbers', () => {
  for (const bad of ['=HYPERLINK("http://x","y")', '+1+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) assert.equal(inertField(bad), `'${bad}`);
  for (const ok of ['-1', '+2', '-0.5', '报告.pdf', '1,234']) assert.equal(inertField(ok), ok);
  assert.equal(csvLines([['=1+1', -1, null, '-1']]), "'=1+1,-1,,-1\n");
});

test('csv: --out x.csv starts with a BOM and writes a hostile file name as text, a negative count as a number', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'gongkai-csv-')), 'x.csv');
  const sink = await openSink(out);
  const report = buildReport({ meta: { agency: '东湖区民政局', year: 2024 }, values: { 'a.rules.issued': -1, 'a.rules.repealed': 2 } } as never);
  await sink.add({ file: '=HYPERLINK("http://evil","点我").html', report, findings: [] } as never);
  await sink.close();
  const text = readFileSync(out, 'utf8');
  assert.ok(text.startsWith('\ufeff'));
  const rows = parse(text.slice(1)) as string[][];
  assert.deepEqual(rows[0], ['file', 'key', 'value', 'raw']);
  assert.equal(rows[1]?.[0], `'=HYPERLINK("http://evil","点我").html`);
  assert.equal(rows[1]?.[2], '-1');
});
