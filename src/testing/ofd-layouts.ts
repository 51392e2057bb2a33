import type { Report } from '../report/index.ts';
import { blankZeros, type Expectation, expectAll } from './pdf-expect.ts';
import { Random } from './random.ts';
import { randomReport } from './random-report.ts';
import type { OfdOptions } from './render-ofd.ts';

/**
 * The ways OFD producers lay reports out, each a variant of its own so a failure names its cause:
 * - `standard`: body tables in 3.2 mm text, borders as joined lines;
 * - `narrow`: table text so large that numbers wrap over 2–5 lines, borders as one rectangle per cell;
 * - `filled`: borders as thin filled rectangles, advances written `g n d`;
 * - `ctm`: text set in points and scaled to millimetres by a CTM;
 * - `glyphs`: every glyph its own TextCode placed by X, no advances given, in narrow cells;
 * - `blank-zeros`: every zero left blank;
 * - `split` / `split-no-header`: table B broken over pages at a random row, header repeated or not;
 * - `landscape`: A4 landscape pages (each page's own PhysicalBox).
 */
export const OFD_VARIANTS = ['standard', 'narrow', 'filled', 'ctm', 'glyphs', 'blank-zeros', 'split', 'split-no-header', 'landscape'] as const;
export type OfdVariant = (typeof OFD_VARIANTS)[number];

/** One generated OFD: the report, how it is laid out, what must be read back. */
export interface OfdCase {
  name: string;
  variant: OfdVariant;
  seed: number;
  report: Report;
  options: OfdOptions;
  expected: Expectation;
}

/** The case of a variant and seed: deterministic. */
export function ofdCase(variant: OfdVariant, seed: number): OfdCase {
  const rng = new Random(seed * 6151 + OFD_VARIANTS.indexOf(variant) * 92_821);
  const big = variant === 'narrow' || variant === 'glyphs' || rng.chance(0.4);
  const report = randomReport(seed, { format: seed % 3 === 0 ? '2019' : '2021', ...(big ? { max: 5000 } : {}) });
  let options: OfdOptions = {};
  switch (variant) {
    case 'narrow':
      options = { tableSize: rng.int(50, 66) / 10, tableWidth: rng.int(80, 100) / 100, rulings: 'cell-rects' };
      break;
    case 'filled':
      options = { rulings: 'filled', compressDeltas: true };
      break;
    case 'ctm':
      options = { ctm: true, compressDeltas: rng.chance(0.5) };
      break;
    case 'glyphs':
      options = { perGlyph: true, tableSize: rng.int(40, 60) / 10, ctm: rng.chance(0.5) };
      break;
    case 'blank-zeros':
      blankZeros(report);
      break;
    case 'split':
    case 'split-no-header':
      // From 4.2 mm text table B is taller than a page: it always breaks, at a row the filler moves.
      options = { tableSize: rng.int(42, 50) / 10, filler: rng.int(0, 14), repeatHeader: variant === 'split' };
      break;
    case 'landscape':
      options = { landscape: true };
      break;
  }
  return { name: `ofd/${variant}/${seed}`, variant, seed, report, options, expected: expectAll(report) };
}

/** Every case: each variant × each seed. */
export function ofdCases(seeds: readonly number[]): OfdCase[] {
  return OFD_VARIANTS.flatMap((v) => seeds.map((s) => ofdCase(v, s)));
}
