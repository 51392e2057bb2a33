import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runChecks } from '../check/index.ts';
import { locate, textToDocument } from '../ingest/index.ts';
import { cellValues, type Report } from '../report/index.ts';
import { LAYOUTS, type Layout, mergedOtherValues, writeLayout } from './layouts.ts';
import { Random } from './random.ts';
import { randomReport } from './random-report.ts';

const SEEDS = 60;

function roundTrip(seed: number, layout: Layout): { original: Report; back: Report; text: string; expected: Record<string, number | null> } {
  const rng = new Random(seed * 31 + layout.length);
  const original = randomReport(seed, { blanks: seed % 3 === 0 });
  const variants = {
    noTitle: rng.chance(0.3),
    ideographicComma: rng.chance(0.3),
    traditional: rng.chance(0.15),
    spam: rng.chance(0.2),
    arabicHeadings: rng.chance(0.1),
    units: rng.chance(0.3),
    mergedOther: original.meta.format === '2021' && rng.chance(0.2),
  };
  const text = writeLayout(original, layout, rng, variants);
  const expected = variants.mergedOther ? mergedOtherValues(original) : cellValues(original);
  return { original, back: locate(textToDocument(`gen-${seed}.txt`, text)), text, expected };
}

/** Layouts where a row may be left unplaced (never misplaced): blank cells written as empty lines. */
const MAY_LEAVE_UNPLACED: readonly Layout[] = ['cell-lines', 'lines'];

for (const layout of LAYOUTS) {
  test(`property: random reports written as ${layout} text read back to the same cells, agency, year and format`, () => {
    let read = 0;
    let total = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { original, back, expected } = roundTrip(seed, layout);
      const actual = cellValues(back);
      if (MAY_LEAVE_UNPLACED.includes(layout)) {
        // Whatever is read is right; what is not read is a row the reader said it left unplaced.
        const unplaced = new Set(back.messages.filter((m) => m.rule === 'read-row-ambiguous').flatMap((m) => m.keys ?? []));
        for (const key of Object.keys(expected)) {
          if (key in actual) assert.equal(actual[key], expected[key], `seed ${seed} ${key}`);
          else assert.ok(unplaced.has(key), `seed ${seed}: ${key} neither read nor reported`);
        }
        assert.deepEqual(
          Object.keys(actual).filter((k) => !(k in expected)),
          [],
          `seed ${seed}`,
        );
        read += Object.keys(actual).length;
        total += Object.keys(expected).length;
      } else assert.deepEqual(actual, expected, `seed ${seed}`);
      assert.deepEqual(
        [back.meta.agency, back.meta.year, back.meta.format],
        [original.meta.agency, original.meta.year, original.meta.format],
        `seed ${seed}`,
      );
      // A merged （六） row departs from the standard: its three rows are missing, nothing else.
      const errors = runChecks(back).filter(
        (f) => f.severity === 'error' && !(f.rule === 'row-missing' && (MAY_LEAVE_UNPLACED.includes(layout) || f.message.includes('（六）'))),
      );
      assert.deepEqual(errors, [], `seed ${seed}`);
    }
    // Rows with empty-line blanks are placed whenever the lines leave no doubt: nearly all.
    if (total > 0) assert.ok(read / total > 0.97, `${layout}: only ${read} of ${total} cells read`);
  });
}

test('property: corrupting one table B outcome cell in the text makes its row and column identities fire', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const rng = new Random(seed);
    const original = randomReport(seed, { format: '2021' });
    const key = `b.${rng.pick(['granted', 'partial', 'refused.third_party', 'unable.not_held', 'rejected.duplicate', 'other.other'])}.${rng.pick(['natural', 'business', 'legal'])}`;
    const cell = original.cells[key];
    assert.ok(cell && cell.value !== null);
    cell.value += rng.int(1, 5);
    const back = locate(textToDocument('x.txt', writeLayout(original, rng.pick(LAYOUTS), rng)));
    const fired = new Set(
      runChecks(back)
        .filter((f) => f.keys?.includes(key))
        .map((f) => f.rule),
    );
    assert.deepEqual([...fired].sort(), ['b-applicant-sum', 'b-outcome-sum'], `seed ${seed} ${key}`);
  }
});

test('property: corrupting one table C total makes c-group-sum fire for that group', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const rng = new Random(seed + 1000);
    const original = randomReport(seed);
    const group = rng.pick(['review', 'suit_direct', 'suit_after_review']);
    const cell = original.cells[`c.${group}.total`];
    assert.ok(cell && cell.value !== null);
    cell.value += 1;
    const back = locate(textToDocument('x.txt', writeLayout(original, rng.pick(LAYOUTS), rng)));
    const fired = runChecks(back).filter((f) => f.rule === 'c-group-sum');
    assert.deepEqual(
      fired.map((f) => f.keys?.[0]),
      [`c.${group}.total`],
      `seed ${seed}`,
    );
  }
});

test('property: corrupting 上年结转 breaks only the balance of its column', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const rng = new Random(seed + 2000);
    const original = randomReport(seed, { format: '2021' });
    const column = rng.pick(['natural', 'business', 'research', 'social', 'legal', 'other_org']);
    for (const key of [`b.carried_in.${column}`, 'b.carried_in.total']) {
      const cell = original.cells[key];
      assert.ok(cell && cell.value !== null);
      cell.value += 2;
    }
    const back = locate(textToDocument('x.txt', writeLayout(original, rng.pick(LAYOUTS), rng)));
    const fired = runChecks(back).filter((f) => f.severity === 'error');
    assert.deepEqual(
      fired.map((f) => f.rule),
      ['b-balance', 'b-balance'],
      `seed ${seed}`,
    );
  }
});
