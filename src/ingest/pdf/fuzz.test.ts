import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderPdf } from '../../render/index.ts';
import { Random } from '../../testing/random.ts';
import { randomReport } from '../../testing/random-report.ts';
import { ReadError } from '../document.ts';
import { readReportBytes } from '../read-report.ts';

test('fuzz: damaged PDFs (bytes changed, digits changed, runs blanked) give a report or a ReadError, nothing else', async () => {
  const base = await renderPdf(randomReport(11, { blanks: true }));
  const rng = new Random(20261201);
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', listener);
  const counts = { read: 0, refused: 0 };
  try {
    for (let i = 0; i < 80; i++) {
      const bytes = base.slice();
      for (let k = rng.int(1, 20); k > 0; k--) {
        const at = rng.int(0, bytes.length - 1);
        const mode = rng.int(0, 2);
        if (mode === 0) bytes[at] = rng.int(0, 255);
        else if (mode === 1) bytes[at] = 0x30 + rng.int(0, 9);
        else bytes.fill(0x20, at, Math.min(bytes.length, at + rng.int(1, 200)));
      }
      try {
        await readReportBytes(`fuzz-${i}.pdf`, bytes);
        counts.read++;
      } catch (error) {
        assert.ok(error instanceof ReadError, `fuzz-${i}.pdf: ${String(error)}`);
        assert.match(error.message, new RegExp(`^fuzz-${i}\\.pdf：`));
        counts.refused++;
      }
    }
    // Let pdf.js settle what it left running.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    process.off('unhandledRejection', listener);
  }
  assert.equal(counts.read + counts.refused, 80);
  assert.deepEqual(
    unhandled.filter((r) => !(r instanceof Error && r.stack?.includes('pdfjs-dist'))),
    [],
  );
});

test('fuzz: arrays nested 100,000 deep are refused the same way on any thread; runs of stray braces do not recurse', async () => {
  const { rawPdf } = await import('../../testing/fuzz.ts');
  const deep = rawPdf('BT /F1 12 Tf 72 700 Td (x) Tj ET', `/Deep ${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  await assert.rejects(readReportBytes('deep.pdf', deep), (e: unknown) => e instanceof ReadError && /^deep\.pdf：PDF 对象嵌套过深/.test(e.message));
  const braces = rawPdf(`${'} '.repeat(100_000)}BT /F1 12 Tf 72 700 Td (x) Tj ET`, `/Junk ${')'.repeat(100_000)}`);
  await readReportBytes('braces.pdf', braces).catch((e: unknown) => assert.ok(e instanceof ReadError, String(e)));
});
