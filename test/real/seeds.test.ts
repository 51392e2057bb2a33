import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { runChecks } from '../../src/check/index.ts';
import { cellSpecs, FORMAT_2021 } from '../../src/format/index.ts';
import { readReport } from '../../src/ingest/index.ts';
import { cellValues, missingItems } from '../../src/report/index.ts';
import { SHARED } from './shared.ts';

const seed = (name: string) => resolve(SHARED, 'seeds', name);

/** Every cell of the 2021 edition with the given value, except the listed ones. */
function allCells(value: number, except: Record<string, number | null>): Record<string, number | null> {
  return Object.fromEntries(cellSpecs(FORMAT_2021).map((s) => [s.key, s.key in except ? (except[s.key] as number | null) : value]));
}

test('seed 000 (PDF text): all 200 cells, agency, year and format; no finding', async () => {
  const report = await readReport(seed('000_a9bda9e5e6ff3691.txt'));
  assert.deepEqual([report.meta.agency, report.meta.year, report.meta.format], ['卫滨区医疗保障局', 2023, '2021']);
  assert.deepEqual(cellValues(report), allCells(0, {}));
  assert.deepEqual(missingItems(report), []);
  assert.deepEqual(runChecks(report), []);
  assert.deepEqual([report.cells['b.partial.natural']?.source?.line, report.cells['b.partial.total']?.source?.line], [95, 96]);
});

test('seed 004 (DOCX text): all 200 cells, blank 「3.其他」 row reported as blank cells, no error', async () => {
  const report = await readReport(seed('004_896ed2c63fcdfae2.txt'));
  assert.deepEqual([report.meta.agency, report.meta.year, report.meta.format, report.meta.date], ['乌苏市医疗保障局', 2023, '2021', '2024-01-16']);
  const blankRow = Object.fromEntries(
    ['natural', 'business', 'research', 'social', 'legal', 'other_org', 'total'].map((c) => [`b.other.other.${c}`, null]),
  );
  assert.deepEqual(cellValues(report), allCells(0, { 'a.penalty.decisions': 1, ...blankRow }));
  const findings = runChecks(report);
  assert.deepEqual(
    findings.filter((f) => f.severity === 'error'),
    [],
  );
  const blank = findings.find((f) => f.rule === 'cell-blank');
  assert.deepEqual(blank?.keys, Object.keys(blankRow));
  assert.equal(report.sections.find((s) => s.id === 6)?.text, '无');
});
