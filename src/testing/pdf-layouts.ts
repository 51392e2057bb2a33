import type { DocxOptions } from '../render/index.ts';
import type { Report } from '../report/index.ts';
import { blankZeros, clippedExpectation, type Expectation, expectAll, type PageGeometry } from './pdf-expect.ts';
import { Random } from './random.ts';
import { randomReport } from './random-report.ts';
import type { FontSetup } from './tools.ts';

/** The programs that print reports to PDF in the property test. */
export const PRINTERS = ['chromium', 'libreoffice'] as const;
export type Printer = (typeof PRINTERS)[number];

/**
 * The ways agencies' PDFs differ from our own print, each one a variant printed on its own so a
 * failure names its cause:
 * - `standard`: our layout as it is;
 * - `narrow`: table text so large that multi-digit numbers wrap inside their cells over 2–3 lines;
 * - `wide-font`: tables in DejaVu Sans or Serif, wider than the template's Times New Roman;
 * - `blank-zeros`: every zero left blank (a common practice): blank cells read as null;
 * - `split`: table B broken over two pages at a random row (often inside a group label's rows),
 *   header repeated; `split-no-header`: the same without the repeated header;
 * - `landscape`: A4 landscape pages;
 * - `clipped`: tables wider than the page, cut at its edge: visible columns read, the rest missing;
 * - `machine-fonts`: LibreOffice with this machine's fonts instead of the tests' list (users' PDFs).
 */
export const PDF_VARIANTS = [
  'standard',
  'narrow',
  'wide-font',
  'blank-zeros',
  'split',
  'split-no-header',
  'landscape',
  'clipped',
  'machine-fonts',
] as const;
export type PdfVariant = (typeof PDF_VARIANTS)[number];

/** One generated PDF to print: the report as printed, how to print it, what must be read back. */
export interface PdfCase {
  /** `libreoffice/narrow/3`: names the case in failures and file names. */
  name: string;
  printer: Printer;
  variant: PdfVariant;
  seed: number;
  report: Report;
  /** Extra CSS for Chromium. */
  css: string;
  /** DOCX options for LibreOffice. */
  docx: DocxOptions;
  fonts: FontSetup;
  expected: Expectation;
}

/** The variants each printer supports (machine fonts matter to LibreOffice only: Chromium names its fonts). */
export function variantsOf(printer: Printer): PdfVariant[] {
  return PDF_VARIANTS.filter((v) => printer === 'libreoffice' || v !== 'machine-fonts');
}

// Prose without digits, to push table B down so a page break falls at a different row each seed.
const FILLER = '本机关严格按照条例规定的程序和时限办理政府信息公开申请，做到依法答复、规范答复，答复文书要素齐全、说理充分。';

function padSectionThree(report: Report, paragraphs: number): void {
  const section = report.sections.find((s) => s.id === 3);
  if (section) section.text = Array.from({ length: paragraphs }, () => FILLER).join('\n');
}

// A4 in points, and the text area of our margins (GB/T 9704: left 28 mm, right 26 mm).
const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const LEFT = 28 * MM;
const TEXT_WIDTH = 156 * MM;

/** The geometry the clipped variant cuts tables at, for each printer. */
function clipGeometry(printer: Printer, tableWidth: number): PageGeometry {
  // Chromium would shrink an overflowing page to fit, so the variant hides what overflows the
  // text area (`overflow: hidden`); LibreOffice prints up to the paper's edge, its table
  // starting a cell margin (0.19 cm) left of the text.
  return printer === 'chromium'
    ? { left: LEFT, tableWidth: TEXT_WIDTH * tableWidth, visibleRight: LEFT + TEXT_WIDTH, slack: 3 * MM }
    : { left: LEFT - 1.9 * MM, tableWidth: (A4.width - LEFT - 26 * MM) * tableWidth, visibleRight: A4.width, slack: 3 * MM };
}

/** The case of a printer, variant and seed: deterministic (same seed, same report and settings). */
export function pdfCase(printer: Printer, variant: PdfVariant, seed: number): PdfCase {
  const rng = new Random(seed * 7919 + PDF_VARIANTS.indexOf(variant) * 104_729 + (printer === 'chromium' ? 0 : 1));
  const big = variant === 'narrow' || variant === 'wide-font' || rng.chance(0.3);
  // Every third seed a 2019-format report (its rows and table A differ).
  const report = randomReport(seed, { format: seed % 3 === 0 ? '2019' : '2021', ...(big ? { max: 5000 } : {}) });
  const out: PdfCase = { name: `${printer}/${variant}/${seed}`, printer, variant, seed, report, css: '', docx: {}, fonts: 'test', expected: {} };
  switch (variant) {
    case 'narrow': {
      const size = rng.int(16, 19);
      // Table B's own (more specific) compact style is overridden too.
      out.css = `table, table.table-b { font-size: ${size}pt; line-height: 1.2; } th, td, table.table-b th, table.table-b td { padding: 2pt 6pt; } td { word-break: break-all; overflow-wrap: anywhere; }`;
      out.docx = { tableSizePt: size };
      break;
    }
    case 'wide-font': {
      const family = rng.pick(['DejaVu Sans', 'DejaVu Serif']);
      out.css = `table, th, td { font-family: "${family}", "Noto Serif CJK SC", serif; } td { word-break: break-all; }`;
      out.docx = { latinFont: family };
      break;
    }
    case 'blank-zeros':
      blankZeros(report);
      break;
    case 'split':
    case 'split-no-header':
      padSectionThree(report, rng.int(0, 14));
      // Our renderers keep table B on one page; agencies' PDFs often split it,
      // and set it in the size of their body tables, so it is long enough to break.
      out.css =
        'table.table-b { break-inside: auto; page-break-inside: auto; font-size: 10.5pt; line-height: 1.4; } table.table-b th, table.table-b td { padding: 2pt 3pt; }';
      out.docx = { keepTableB: false };
      if (variant === 'split-no-header') {
        out.css += ' thead { display: table-row-group; }';
        out.docx = { keepTableB: false, repeatHeader: false };
      }
      break;
    case 'landscape':
      out.css = '@page { size: A4 landscape; } .report { max-width: none; }';
      out.docx = { landscape: true };
      break;
    case 'clipped': {
      const width = rng.int(125, 170) / 100;
      out.css = `.report { overflow: hidden; } table { width: ${width * 100}%; }`;
      out.docx = { tableWidth: width };
      out.expected = clippedExpectation(report, clipGeometry(printer, width));
      break;
    }
    case 'machine-fonts':
      out.fonts = 'machine';
      break;
  }
  if (variant !== 'clipped') out.expected = expectAll(report);
  return out;
}

/** Every case of the property test: each printer × its variants × `seeds` seeds. */
export function pdfCases(seeds: readonly number[], variants: readonly PdfVariant[] = PDF_VARIANTS): PdfCase[] {
  return PRINTERS.flatMap((printer) =>
    variantsOf(printer)
      .filter((v) => variants.includes(v))
      .flatMap((v) => seeds.map((s) => pdfCase(printer, v, s))),
  );
}
