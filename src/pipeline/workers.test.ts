// ReadWorkers: reads on worker threads give what reading in this thread gives (a generated HTML
// page, a DOCX, an unreadable file; a scanned table is read by OCR on a worker), and a file that hangs, fills
// the heap or kills its worker fails alone while the next is read.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ReadError } from '../ingest/document.ts';
import { readDocument } from '../ingest/read-report.ts';
import { type PdfRenderer, renderDocx, renderHtml } from '../render/index.ts';
import { startTestRenderer } from '../testing/print-pdfs.ts';
import { randomReport } from '../testing/random-report.ts';
import { scanCase, scoreScan } from '../testing/scan.ts';
import { analyze } from './analyze.ts';
import { ReadWorkers, ReadWorkersClosed } from './workers.ts';

const STAND_IN = new URL('./fixtures/misbehaving-reader.mjs', import.meta.url);
const BROKEN = new URL('./fixtures/broken-reader.mjs', import.meta.url);
const threadOf = (a: { report: unknown }) => (a.report as { threadId: number }).threadId;
const utf8 = (text: string) => new TextEncoder().encode(text);

let renderer: PdfRenderer;
before(async () => {
  renderer = await startTestRenderer();
});
after(() => renderer?.close());

test('a worker reads a report as this thread does: HTML and DOCX, checked or not, and a scanned table by OCR', async () => {
  const workers = new ReadWorkers({ workers: 2 });
  try {
    const html = utf8(renderHtml(randomReport(41)));
    const docx = await renderDocx(randomReport(42));
    const scan = await scanCase(renderer, 43, 'png');
    const inputs = [
      { bytes: html, name: 'r41.html', check: true },
      { bytes: docx, name: 'r42.docx', check: false },
    ];
    const [scanned, ...there] = await Promise.all([
      workers.analyze(scan.bytes, scan.name),
      ...inputs.map((i) => workers.analyze(i.bytes, i.name, { check: i.check })),
    ]);
    for (const [i, input] of inputs.entries()) {
      const here = await analyze(input.bytes, input.name, { check: input.check });
      assert.deepEqual(there[i], here, `${input.name} reads the same on a worker`);
    }
    assert.equal(there[1]?.findings, undefined, 'not checked when asked not to');
    // The container's lines alone (the console's view of a source), as this thread reads them.
    assert.deepEqual(await workers.document(docx, 'r42.docx'), await readDocument('r42.docx', docx));
    // OCR (onnxruntime and tesseract) runs on a worker thread: the scanned table reads back.
    const score = scoreScan(scan, scanned!.report);
    assert.ok(score.cells > 20 && score.exact / score.cells >= 0.95, `the scan on a worker: ${score.exact}/${score.cells} exact`);
    assert.equal(score.wrong.filter((w) => !w.flagged).length, 0, 'no unflagged wrong cell');
    assert.ok(workers.size <= 2, 'at most the workers asked for');
  } finally {
    await workers.close();
  }
});

test('an unreadable file is a ReadError with the reader’s own reason, as in this thread', async () => {
  const workers = new ReadWorkers();
  try {
    const bytes = utf8('这不是一份年度报告。');
    const here = await analyze(bytes, 'note.txt').catch((e: unknown) => e);
    const there = await workers.analyze(bytes, 'note.txt').catch((e: unknown) => e);
    assert.ok(here instanceof ReadError && there instanceof ReadError);
    assert.equal(there.reason, here.reason);
    assert.equal(there.reasonEn, here.reasonEn);
    assert.equal(there.file, 'note.txt');
  } finally {
    await workers.close();
  }
});

test('a file that hangs, fills the heap or kills its worker fails alone, naming the file; the next one is read', async () => {
  // A hang is stopped by the time limit; the heap limit and a dying worker need none (a long limit
  // here, so a loaded machine filling the heap slowly is not taken for a hang).
  const quick = new ReadWorkers({ workers: 1, timeoutMs: 1500, entry: STAND_IN });
  const patient = new ReadWorkers({ workers: 1, timeoutMs: 120_000, maxHeapMb: 64, entry: STAND_IN });
  try {
    const outcome = (workers: ReadWorkers, name: string) => workers.analyze(new Uint8Array(1), name).then(threadOf, (e: unknown) => e);
    const [[a, hang, b], [c, oom, d, exit, e]] = await Promise.all([
      Promise.all(['a', 'x-hang', 'b'].map((n) => outcome(quick, n))),
      Promise.all(['c', 'x-oom', 'd', 'x-exit', 'e'].map((n) => outcome(patient, n))),
    ]);
    for (const [error, name, reasonEn] of [
      [hang, 'x-hang', 'timed out'],
      [oom, 'x-oom', 'out of memory'],
      [exit, 'x-exit', 'reader exited'],
    ] as const) {
      assert.ok(error instanceof ReadError, `${name}: ${String(error)}`);
      assert.equal(error.file, name);
      assert.equal(error.reasonEn, reasonEn);
    }
    assert.match((hang as ReadError).reason, /读取超时（超过 2 秒）/);
    assert.match((oom as ReadError).reason, /内存不足（超过 64 MB）/);
    assert.match((exit as ReadError).reason, /读取进程意外退出（退出码 3）/);
    for (const t of [a, b, c, d, e]) assert.equal(typeof t, 'number', 'the good files are read');
    assert.notEqual(a, b, 'the hung worker was replaced');
    assert.equal(new Set([c, d, e]).size, 3, 'each worker that died was replaced by a new one');
  } finally {
    await Promise.all([quick.close(), patient.close()]);
  }
});

test('files wait for a free worker, a grown worker is replaced, idle workers stop, and the event loop stays free', async () => {
  const workers = new ReadWorkers({ workers: 2, idleMs: 200, entry: STAND_IN });
  try {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const threads = await Promise.all(['slow-1', 'slow-2', 'slow-3', 'slow-4'].map((n) => workers.analyze(new Uint8Array(1), n).then(threadOf)));
    clearInterval(ticker);
    assert.equal(new Set(threads).size, 2, 'four files on two workers');
    assert.ok(workers.size <= 2);
    assert.ok(ticks >= 10, `the caller's timers ran while the workers read (${ticks} ticks)`);

    assert.equal(workers.size, 2);
    await workers.analyze(new Uint8Array(1), 'fat');
    assert.equal(workers.size, 1, 'the worker whose heap grew was stopped');

    await new Promise((r) => setTimeout(r, 600));
    assert.equal(workers.size, 0, 'idle workers stopped');
    assert.equal(typeof threadOf(await workers.analyze(new Uint8Array(1), 'again')), 'number', 'and a new one starts for the next file');
  } finally {
    await workers.close();
  }
  await assert.rejects(workers.analyze(new Uint8Array(1), 'late'), ReadWorkersClosed);
});

test('closing stops the workers at once: a file being read or waiting is rejected as not read, not as unreadable', async () => {
  const workers = new ReadWorkers({ workers: 1, entry: STAND_IN });
  const reading = workers.analyze(new Uint8Array(1), 'x-hang');
  const waiting = workers.analyze(new Uint8Array(1), 'next');
  await new Promise((r) => setTimeout(r, 300));
  const refused = [assert.rejects(reading, ReadWorkersClosed), assert.rejects(waiting, ReadWorkersClosed)];
  const started = Date.now();
  await workers.close();
  await Promise.all(refused);
  assert.ok(Date.now() - started < 5000, 'a hung worker does not hold the close');
});

test('a defect of ours in a worker is an Error to log, not the file being unreadable; the next file is read', async () => {
  const workers = new ReadWorkers({ workers: 1, entry: STAND_IN });
  try {
    const failed = await workers.analyze(new Uint8Array(1), 'x-throw').catch((e: unknown) => e);
    assert.ok(failed instanceof Error && !(failed instanceof ReadError), String(failed));
    assert.match(failed.message, /defect while reading x-throw/);
    assert.equal(typeof threadOf(await workers.analyze(new Uint8Array(1), 'after')), 'number');
  } finally {
    await workers.close();
  }
});

test('workers that cannot load: the file is not blamed; after three tries it is read in this thread', async () => {
  const workers = new ReadWorkers({ workers: 1, entry: BROKEN });
  try {
    const html = utf8(renderHtml(randomReport(44)));
    assert.deepEqual(await workers.analyze(html, 'r44.html'), await analyze(html, 'r44.html'));
    assert.equal(workers.size, 0, 'no worker is left running');
  } finally {
    await workers.close();
  }
});
