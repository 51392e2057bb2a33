// Property test of the OFD reader: random valid reports written as OFD in the ways producers lay
// them out (src/testing/ofd-layouts.ts) read back to every cell.
//
// GONGKAI_OFD_PROPERTY_OUT=<dir> keeps every OFD there, named after its case, to look at a failure.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OFD_VARIANTS, ofdCases } from '../testing/ofd-layouts.ts';
import { compareCells, describeMismatches } from '../testing/pdf-expect.ts';
import { renderOfd } from '../testing/render-ofd.ts';
import { readReportBytes } from './index.ts';

const SEEDS = [1, 2, 3];

for (const variant of OFD_VARIANTS) {
  test(`OFD property: ${SEEDS.length} random reports laid out ${variant} read back to every cell`, async (t) => {
    const keep = process.env.GONGKAI_OFD_PROPERTY_OUT;
    if (keep) mkdirSync(keep, { recursive: true });
    const failures: string[] = [];
    let cells = 0;
    let wrong = 0;
    for (const c of ofdCases(SEEDS).filter((c) => c.variant === variant)) {
      const bytes = renderOfd(c.report, c.options);
      // Named .docx: the reader goes by content.
      const file = `${c.name.replaceAll('/', '-')}.docx`;
      if (keep) writeFileSync(join(keep, file.replace(/\.docx$/, '.ofd')), bytes);
      const back = await readReportBytes(file, bytes);
      const mismatches = compareCells(back, c.expected);
      const { agency, year, format } = c.report.meta;
      const problems = [
        back.meta.source.kind === 'ofd' ? '' : `kind: read as ${back.meta.source.kind}`,
        back.meta.agency === agency ? '' : `agency: expected ${agency}, read ${back.meta.agency}`,
        back.meta.year === year ? '' : `year: expected ${year}, read ${back.meta.year}`,
        back.meta.format === format ? '' : `format: expected ${format}, read ${back.meta.format}`,
      ].filter(Boolean);
      // The split variants must split: table B's cells stand on more than one page.
      const bPages = new Set(Object.entries(back.cells).flatMap(([key, cell]) => (key.startsWith('b.') ? [cell.source?.page] : [])));
      if (variant.startsWith('split') && bPages.size < 2) problems.push(`table B not split over pages (pages ${[...bPages].join(', ')})`);
      cells += Object.keys(c.expected).length;
      wrong += mismatches.length;
      if (mismatches.length > 0 || problems.length > 0)
        failures.push(
          [
            `${c.name} (format ${format}): ${mismatches.length} cells read otherwise`,
            ...problems.map((p) => `  ${p}`),
            describeMismatches(mismatches),
          ].join('\n'),
        );
    }
    t.diagnostic(`${variant}: ${cells - wrong} of ${cells} cells as expected`);
    assert.ok(failures.length === 0, `\n${failures.join('\n')}`);
  });
}
