import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cellValues, missingItems } from '../report/index.ts';
import { readReportBytes } from './read-report.ts';

// Golden fixtures: each folder holds input.* and the expected.json a reviewer has read.
// UPDATE=1 rewrites expected.json; review the diff before committing it.
const root = fileURLToPath(new URL('./fixtures/', import.meta.url));

for (const name of readdirSync(root).sort()) {
  test(`fixture ${name}`, () => {
    const dir = join(root, name);
    const input = readdirSync(dir).find((f) => f.startsWith('input.'));
    assert.ok(input, `${name} has no input file`);
    const report = readReportBytes(input, new Uint8Array(readFileSync(join(dir, input))));
    const actual = {
      agency: report.meta.agency,
      year: report.meta.year,
      format: report.meta.format,
      tables: Object.fromEntries(Object.values(report.tables).map((t) => [t.id, t.status])),
      sections: report.sections.map((s) => s.heading),
      cells: cellValues(report),
      missing: missingItems(report),
      messages: report.messages.map((m) => `${m.rule}: ${m.message}`),
    };
    const expectedFile = join(dir, 'expected.json');
    if (process.env.UPDATE === '1') writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
}
