import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { golden, goldenSummary } from '../testing/golden.ts';
import { readReportBytes } from './read-report.ts';

// Golden fixtures: each folder holds input.* and the expected.json a reviewer has read.
// UPDATE=1 rewrites expected.json; review the diff before committing it.
const root = fileURLToPath(new URL('./fixtures/', import.meta.url));

for (const name of readdirSync(root).sort()) {
  test(`fixture ${name}`, async () => {
    const dir = join(root, name);
    const input = readdirSync(dir).find((f) => f.startsWith('input.'));
    assert.ok(input, `${name} has no input file`);
    const report = await readReportBytes(input, new Uint8Array(readFileSync(join(dir, input))));
    const actual = goldenSummary(report);
    assert.deepEqual(actual, golden(join(dir, 'expected.json'), actual));
  });
}
