import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { runPool } from '../cli/batch/pool.ts';
import { AppError } from '../errors.ts';
import { ReadError } from '../ingest/document.ts';
import { readReportBytes } from '../ingest/read-report.ts';
import { analyzeFile, type AnalysisResult } from '../pipeline/index.ts';
import { readCaseBytes, validateCases } from '../register/import-cases.ts';
import { renderDocx, renderHtml, renderPdf } from '../render/index.ts';
import { type FuzzBases, fuzzFiles } from './fuzz.ts';
import { randomReport } from './random-report.ts';
import { renderOfd } from './render-ofd.ts';

let bases: FuzzBases;

before(async () => {
  bases = {
    pdf: await renderPdf(randomReport(11, { blanks: true })),
    docx: await renderDocx(randomReport(12)),
    html: renderHtml(randomReport(13)),
    ofd: renderOfd(randomReport(14, { blanks: true })),
  };
});

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

for (const kind of ['docx', 'html', 'ofd'] as const) {
  test(`fuzz: damaged ${kind.toUpperCase()} files give a report or a ReadError naming the file, nothing else`, async () => {
    for (const f of fuzzFiles(kind, bases, 7, 16)) {
      try {
        await readReportBytes(f.name, f.bytes);
      } catch (error) {
        assert.ok(error instanceof ReadError, `${f.name} (${f.how}): ${String(error)}`);
        assert.ok(error.message.startsWith(`${f.name}：`), error.message);
      }
    }
  });
}

test('fuzz: hostile import CSVs give records and per-row problems or one Chinese refusal; no message carries control characters', async () => {
  for (const f of fuzzFiles('csv', bases, 9, 40)) {
    let messages: string[];
    try {
      const records = await readCaseBytes(f.name, f.bytes);
      const result = validateCases(records, '2025-06-30');
      messages = 'problems' in result ? result.problems.flatMap((p) => p.problems) : [];
    } catch (error) {
      assert.ok(error instanceof AppError && error.code === 'invalid', `${f.name} (${f.how}): ${String(error)}`);
      messages = [error.message];
    }
    for (const m of messages) assert.doesNotMatch(m, CONTROL, `${f.name} (${f.how}): ${JSON.stringify(m)}`);
  }
});

function answer(r: AnalysisResult): string {
  return 'error' in r ? `error: ${r.error.reason}` : JSON.stringify(r.report.cells);
}

test('fuzz: each damaged PDF gets the same answer alone and inside a batch, whatever its neighbours', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-fuzz-'));
  const files = fuzzFiles('pdf', bases, 20261201, 16).map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return path;
  });
  const alone = new Map<string, string>();
  for (const file of files) alone.set(file, answer(await analyzeFile(file, { check: false })));
  for (const workers of [1, 2]) {
    for await (const r of runPool(files, { check: false, workers })) {
      assert.equal(answer(r), alone.get(r.file), `${r.file} with ${workers} worker(s)`);
    }
  }
  assert.ok(
    [...alone.values()].some((a) => !a.startsWith('error')),
    'some damaged PDFs still read',
  );
});
