import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecks } from '../src/check/index.ts';
import { readReportBytes } from '../src/ingest/index.ts';
import { pdfCase, type PdfVariant, type Printer } from '../src/testing/pdf-layouts.ts';
import { printCases } from '../src/testing/print-pdfs.ts';
import { hasShared, SHARED } from '../test/real/shared.ts';
import { peakMb, report, type Timing, timeAsync, timeEach } from './measure.ts';

const RUN_BATCH = fileURLToPath(new URL('../src/cli/batch/run-batch.ts', import.meta.url));
const RUN_POOL = fileURLToPath(new URL('../src/cli/batch/pool.ts', import.meta.url));

interface PdfFile {
  file: string;
  bytes: Uint8Array;
}

/** Generated 5–6 page reports: both printers, the common variants. */
async function generated(perPrinter: number): Promise<Record<Printer, PdfFile[]>> {
  const variants: PdfVariant[] = ['standard', 'narrow', 'blank-zeros', 'split'];
  const cases = (['chromium', 'libreoffice'] as const).flatMap((printer) =>
    Array.from({ length: perPrinter }, (_, i) => pdfCase(printer, variants[i % variants.length] as PdfVariant, i + 1)),
  );
  const pdfs = await printCases(cases);
  const out: Record<Printer, PdfFile[]> = { chromium: [], libreoffice: [] };
  cases.forEach((c, i) => out[c.printer].push({ file: `${c.name.replaceAll('/', '-')}.pdf`, bytes: pdfs[i] as Uint8Array }));
  return out;
}

/** Poppler's pdftotext -bbox-layout as a whole process on each file (the figure to beat). */
function timePdftotext(files: readonly PdfFile[], dir: string, rounds: number): Timing | undefined {
  if (spawnSync('pdftotext', ['-v']).error) return undefined;
  const paths = files.map((f, i) => {
    const path = join(dir, `poppler-${i}.pdf`);
    writeFileSync(path, f.bytes);
    return path;
  });
  return timeEach(paths, rounds, (path) => void spawnSync('pdftotext', ['-bbox-layout', path, '-'], { maxBuffer: 64 * 1024 * 1024 }));
}

/** The range of pages of the files, from poppler's pdfinfo (empty without poppler-utils). */
function pageRange(files: readonly PdfFile[], dir: string): string {
  const pages = files.map((f, i) => {
    const path = join(dir, `pages-${i}.pdf`);
    writeFileSync(path, f.bytes);
    return Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [path], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? NaN);
  });
  if (pages.some(Number.isNaN)) return '';
  return `，${Math.min(...pages)}–${Math.max(...pages)} 页`;
}

/** Runs a 200-file batch in a fresh process (its peak RSS covers the workers) and prints the figures. */
function batch(label: string, dir: string, files: readonly string[], script: string): void {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  const peak = /peak=(\d+)/.exec(run.stderr)?.[1] ?? '?';
  const failed = /failed=(\d+)/.exec(run.stderr)?.[1] ?? /失败 (\d+) 个/.exec(run.stderr)?.[1] ?? '0';
  console.log(
    `${label.padEnd(44)} ${files.length} 份  ${seconds.toFixed(1)} 秒（含进程启动）  ${(files.length / seconds).toFixed(1)} 份/秒  进程峰值内存 ${peak} MB  失败 ${failed}`,
  );
  if (run.status !== 0 && !/peak=/.test(run.stderr)) console.log(run.stderr.slice(-800));
}

/**
 * PDF reading: ms per report (read + checks, warm, one core) on generated 5–6 page reports and
 * the corpus PDFs; pdftotext -bbox-layout on the same files; a 200-PDF batch through the CLI
 * batch path (files/s, peak RSS), and the same with workers replaced every 20 files.
 */
export async function benchPdf(): Promise<void> {
  console.log('\n## PDF：读取 + 核对（单核，预热后）；同一批文件上 pdftotext -bbox-layout 的用时');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-pdf-'));
  try {
    const sets = await generated(12);
    const corpus: PdfFile[] = hasShared()
      ? ['hzq2023.pdf', 'hzq2024.pdf', 'szfgs2024.pdf'].map((f) => ({ file: f, bytes: new Uint8Array(readFileSync(resolve(SHARED, 'corpus', f))) }))
      : [];
    const groups: [string, PdfFile[]][] = [
      ['生成的报告，Chromium 打印', sets.chromium],
      ['生成的报告，LibreOffice 打印', sets.libreoffice],
      ...(corpus.length ? [['语料中的三份 PDF', corpus] as [string, PdfFile[]]] : []),
    ];
    if (!corpus.length) console.log('（本机没有 ../shared/，跳过语料 PDF）');
    for (const [label, files] of groups) {
      for (const f of files) runChecks(await readReportBytes(f.file, f.bytes)); // warm-up
      const cpu0 = process.cpuUsage();
      const t = await timeAsync(files, 3, async (f) => void runChecks(await readReportBytes(f.file, f.bytes)));
      const cpu = process.cpuUsage(cpu0);
      report(`gongkai ${label}（${files.length} 份${pageRange(files, dir)}，× 3 轮）`, t);
      console.log(`${''.padEnd(44)} 平均 CPU ${((cpu.user + cpu.system) / 1000 / t.count).toFixed(0)} ms/份`);
      const poppler = timePdftotext(files, dir, 3);
      if (poppler) report(`pdftotext -bbox-layout ${label}`, poppler);
      else console.log('（未安装 poppler-utils，跳过 pdftotext）');
    }

    const all = [...sets.chromium, ...sets.libreoffice, ...corpus];
    const files = Array.from({ length: 200 }, (_, i) => {
      const source = all[i % all.length] as PdfFile;
      const path = join(dir, `b${String(i).padStart(3, '0')}-${source.file}`);
      writeFileSync(path, source.bytes);
      return path;
    });
    console.log(`\n## 批量：200 个 PDF（${all.length} 份不同的报告轮流复制），gongkai check --out（全部 CPU 核）；此前峰值内存 ${peakMb()} MB`);
    const out = join(dir, 'result.jsonl');
    batch(
      'gongkai check --out result.jsonl',
      dir,
      files,
      `import { runBatch } from ${JSON.stringify(RUN_BATCH)};
const code = await runBatch(${JSON.stringify(files)}, { check: true, out: ${JSON.stringify(out)} }, { out: process.stdout, err: Object.assign(process.stderr, { isTTY: false }) });
console.error('peak=' + Math.round(process.resourceUsage().maxRSS / 1024) + ' code=' + code);`,
    );
    batch(
      '同上，每个工作线程读 20 份即更换（对照）',
      dir,
      files,
      `import { runPool } from ${JSON.stringify(RUN_POOL)};
let failed = 0;
for await (const r of runPool(${JSON.stringify(files)}, { check: true, recycleAfter: 20 })) if ('error' in r) failed++;
console.error('peak=' + Math.round(process.resourceUsage().maxRSS / 1024) + ' failed=' + failed);`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
