// The large fuzz run: `npm run fuzz [files per kind] [seed]`. Writes hostile PDF, DOCX, HTML and
// CSV files (src/testing/fuzz.ts, fixed seeds), reads the first three through the batch pool
// (worker threads, time and heap limits, as `gongkai check` does) and the CSVs through the
// import's reader and validation, and prints counts: files, answers, refusals, crashes,
// timeouts, peak RSS. A crash is anything but a report or a clear refusal.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPool } from '../src/cli/batch/pool.ts';
import { AppError } from '../src/errors.ts';
import { readCaseBytes, validateCases } from '../src/register/import-cases.ts';
import { renderDocx, renderHtml, renderPdf } from '../src/render/index.ts';
import { type FuzzBases, type FuzzKind, fuzzFiles } from '../src/testing/fuzz.ts';
import { randomReport } from '../src/testing/random-report.ts';

const perKind = Number(process.argv[2] ?? 250);
const seed = Number(process.argv[3] ?? 20261201);
const timeoutMs = Number(process.env.GONGKAI_FUZZ_TIMEOUT_MS ?? 30_000);
const CRASH = new Set(['internal error while reading', 'worker failed', 'worker exited', 'out of memory']);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

const dir = mkdtempSync(join(tmpdir(), 'gongkai-fuzz-'));
const started = Date.now();
try {
  const bases: FuzzBases[] = [];
  for (let i = 0; i < 3; i++) {
    const report = randomReport(seed + i, { blanks: i === 1 });
    bases.push({ pdf: await renderPdf(report), docx: await renderDocx(report), html: renderHtml(report) });
  }
  const rows: { kind: string; files: number; answers: number; refused: number; crashes: number; timeouts: number; seconds: number }[] = [];
  for (const kind of ['pdf', 'docx', 'html'] as FuzzKind[]) {
    const t = Date.now();
    const files = bases.flatMap((b, i) => fuzzFiles(kind, b, seed + i, Math.ceil(perKind / bases.length))).slice(0, perKind);
    const paths = files.map((f) => {
      const path = join(dir, f.name);
      writeFileSync(path, f.bytes);
      return path;
    });
    const row = { kind, files: paths.length, answers: 0, refused: 0, crashes: 0, timeouts: 0, seconds: 0 };
    for await (const r of runPool(paths, { check: true, timeoutMs })) {
      if (!('error' in r)) row.answers++;
      else if (r.error.reasonEn === 'timed out') {
        row.timeouts++;
        console.error(`timeout: ${r.file} (${files.find((f) => r.file.endsWith(f.name))?.how ?? ''})`);
      } else if (CRASH.has(r.error.reasonEn)) {
        row.crashes++;
        console.error(`crash: ${r.file} (${files.find((f) => r.file.endsWith(f.name))?.how ?? ''}): ${r.error.reason}`);
      } else row.refused++;
    }
    row.seconds = (Date.now() - t) / 1000;
    rows.push(row);
  }
  {
    const t = Date.now();
    const row = { kind: 'csv', files: 0, answers: 0, refused: 0, crashes: 0, timeouts: 0, seconds: 0 };
    for (const f of fuzzFiles('csv', bases[0] as FuzzBases, seed, perKind)) {
      row.files++;
      try {
        const result = validateCases(await readCaseBytes(f.name, f.bytes));
        if ('problems' in result) row.refused++;
        else row.answers++;
      } catch (error) {
        if (error instanceof AppError) row.refused++;
        else {
          row.crashes++;
          console.error(`crash: ${f.name} (${f.how}): ${String(error)}`);
        }
      }
    }
    row.seconds = (Date.now() - t) / 1000;
    rows.push(row);
  }
  clearInterval(sampler);
  console.log(`fuzz: seed ${seed}, ${perKind} files per kind, timeout ${timeoutMs / 1000} s`);
  console.log('kind   files  answers  refused  crashes  timeouts  seconds');
  for (const r of rows)
    console.log(
      `${r.kind.padEnd(6)} ${String(r.files).padStart(5)}  ${String(r.answers).padStart(7)}  ${String(r.refused).padStart(7)}  ${String(r.crashes).padStart(7)}  ${String(r.timeouts).padStart(8)}  ${r.seconds.toFixed(1).padStart(7)}`,
    );
  const total = rows.reduce((s, r) => ({ files: s.files + r.files, crashes: s.crashes + r.crashes, timeouts: s.timeouts + r.timeouts }), {
    files: 0,
    crashes: 0,
    timeouts: 0,
  });
  console.log(
    `total: ${total.files} files, ${total.crashes} crashes, ${total.timeouts} timeouts, peak RSS ${Math.round(peakRss / 1048576)} MB, ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  process.exitCode = total.crashes > 0 ? 1 : 0;
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
