import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runChecks } from '../../src/check/index.ts';
import { readReport } from '../../src/ingest/index.ts';
import { golden, goldenSummary } from '../../src/testing/golden.ts';
import { SHARED } from './shared.ts';

const corpus = resolve(SHARED, 'corpus');
const expectedDir = fileURLToPath(new URL('./expected/', import.meta.url));
const index = new Map(
  readFileSync(resolve(corpus, 'INDEX.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map((cols) => [cols[0] as string, { agency: cols[4] as string, year: Number(cols[5]) }]),
);
const texts = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .sort();

test('the corpus PDFs: hzq2023 has its published table C error reported with the cells involved', async () => {
  const report = await readReport(resolve(corpus, 'hzq2023.pdf'));
  const errors = runChecks(report).filter((f) => f.rule === 'c-group-sum');
  assert.deepEqual(
    errors.map((f) => [f.keys?.[0], f.expected, f.actual, f.source?.page]),
    [
      ['c.review.total', 11, 0, 4],
      ['c.suit_after_review.total', 5, 0, 4],
    ],
  );
});

test('the corpus PDFs: no identity error on hzq2024 and szfgs2024, every table found', async () => {
  for (const file of ['hzq2024.pdf', 'szfgs2024.pdf']) {
    const report = await readReport(resolve(corpus, file));
    const errors = runChecks(report).filter((f) => f.severity === 'error' && f.rule !== 'row-missing');
    assert.deepEqual(errors, [], file);
    assert.deepEqual(
      Object.values(report.tables).map((t) => t.status === 'absent'),
      [false, false, false],
      file,
    );
  }
  const szfgs = await readReport(resolve(corpus, 'szfgs2024.pdf'));
  assert.deepEqual(
    runChecks(szfgs).filter((f) => f.severity === 'error'),
    [],
  );
});

test('every corpus text is read without a crash, with the year INDEX.tsv gives, and no false alarm', async () => {
  assert.ok(texts.length >= 30);
  for (const file of texts) {
    const report = await readReport(resolve(corpus, file));
    assert.equal(report.meta.year, index.get(file)?.year, file);
    // The excerpts are cut: missing tables, rows and sections are true findings. Nothing
    // else may be an error, and no narrative rule may fire on them.
    const other = runChecks(report).filter(
      (f) => !['table-missing', 'row-missing', 'section-missing', 'metadata-missing', 'section-6-fees'].includes(f.rule),
    );
    assert.deepEqual(other, [], file);
  }
});

// Hand-checked against the text: agency, year, format, table status, every cell, what is missing.
// UPDATE=1 rewrites them; a reviewer reads the diff against the corpus text before committing.
for (const name of readdirSync(expectedDir).sort()) {
  const file = name.replace(/\.json$/, '');
  test(`golden corpus ${file}`, async () => {
    const report = await readReport(resolve(corpus, file));
    const actual = goldenSummary(report);
    assert.deepEqual(actual, golden(resolve(expectedDir, name), actual));
  });
}
