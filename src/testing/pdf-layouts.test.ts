import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReport } from '../report/index.ts';
import { compareCells, expectAll } from './pdf-expect.ts';
import { type PdfCase, pdfCase, type PdfVariant, type Printer } from './pdf-layouts.ts';
import { printCases } from './print-pdfs.ts';
import { randomReport } from './random-report.ts';
import { pdfWords } from './tools.ts';

test('PDF expectations: a wrong, a lost and an invented cell are mismatches; a cut cell may be missing or whole', () => {
  const report = randomReport(5, { format: '2021' });
  const expected = expectAll(report);
  assert.deepEqual(compareCells(report, expected), []);
  const values = Object.fromEntries(Object.entries(report.cells).map(([k, c]) => [k, c.value]));
  const wrong = buildReport({ format: '2021', values: { ...values, 'b.new.natural': 300 } });
  assert.deepEqual(
    compareCells(wrong, expected).map((m) => m.key),
    ['b.new.natural'],
  );
  const rest = { ...values };
  delete rest['b.new.natural'];
  assert.deepEqual(
    compareCells(buildReport({ format: '2021', values: rest }), expected).map((m) => [m.key, m.actual]),
    [['b.new.natural', undefined]],
  );
  const v = values['b.new.natural'] as number;
  assert.deepEqual(compareCells(report, { ...expected, 'b.new.natural': 'missing' }).length, 1);
  assert.deepEqual(compareCells(report, { ...expected, 'b.new.natural': { either: v } }), []);
  assert.deepEqual(compareCells(buildReport({ format: '2021', values: rest }), { ...expected, 'b.new.natural': { either: v } }), []);
  assert.deepEqual(compareCells(wrong, { ...expected, 'b.new.natural': { either: v } }).length, v === 300 ? 0 : 1);
});

test('PDF clipped variant: the first value columns are always read, the last always missing', () => {
  for (const printer of ['chromium', 'libreoffice'] as const) {
    for (let seed = 1; seed <= 10; seed++) {
      const { expected } = pdfCase(printer, 'clipped', seed);
      assert.equal(typeof expected['b.new.natural'], 'number', `${printer} ${seed}`);
      assert.equal(expected['b.new.total'], 'missing', `${printer} ${seed}`);
      assert.equal(expected['c.suit_after_review.total'], 'missing', `${printer} ${seed}`);
    }
  }
});

test('PDF variants print as they claim: numbers wrapped, landscape pages, nothing past the edge, table B over two pages', async () => {
  const cases: PdfCase[] = [];
  const add = (printer: Printer, variant: PdfVariant, seed: number) => cases.push(pdfCase(printer, variant, seed)) - 1;
  const narrow = [add('chromium', 'narrow', 1), add('libreoffice', 'narrow', 1)];
  const landscape = [add('chromium', 'landscape', 1), add('libreoffice', 'landscape', 1)];
  const clipped = [add('chromium', 'clipped', 1), add('libreoffice', 'clipped', 1)];
  const split = [1, 2, 3].flatMap((seed) => [add('chromium', 'split', seed), add('libreoffice', 'split-no-header', seed)]);
  const pages = (await printCases(cases)).map(pdfWords);
  const words = (i: number) => (pages[i] ?? []).flatMap((p) => p.words.map((w) => w.text));
  const pageOf = (i: number, fragment: string) => (pages[i] ?? []).findIndex((p) => p.words.some((w) => w.text.includes(fragment)));

  for (const i of narrow) {
    const c = cases[i] as PdfCase;
    const big = Object.values(c.report.cells).filter((cell) => cell.key.startsWith('b.') && (cell.value ?? 0) >= 1000);
    assert.ok(big.length > 0, c.name);
    const seen = new Set(words(i));
    assert.ok(
      big.some((cell) => !seen.has(String(cell.value))),
      `${c.name}: every number of four digits or more is printed on one line`,
    );
  }
  for (const i of landscape)
    assert.ok(
      (pages[i] ?? []).every((p) => p.width > p.height),
      (cases[i] as PdfCase).name,
    );
  for (const i of clipped) {
    const c = cases[i] as PdfCase;
    const right = c.printer === 'chromium' ? 184 * (72 / 25.4) + 8.5 : (pages[i]?.[0]?.width ?? 0);
    assert.deepEqual(
      (pages[i] ?? []).flatMap((p) => p.words.filter((w) => w.xMin > right).map((w) => w.text)),
      [],
      c.name,
    );
  }
  // Table B starts on one page and ends on the next; for some seed, inside 三、本年度办理结果's rows.
  let groupSplit = 0;
  for (const i of split) {
    const c = cases[i] as PdfCase;
    const first = pageOf(i, '本年新收');
    assert.ok(first >= 0 && pageOf(i, '结转下年度') > first, `${c.name}: table B on one page`);
    if (pageOf(i, '予以公开') < pageOf(i, '（七）总计')) groupSplit++;
  }
  assert.ok(groupSplit > 0, 'no split case breaks the page inside the rows of 三、本年度办理结果');
});
