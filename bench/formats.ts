import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runChecks } from '../src/check/index.ts';
import { locate, readDocx, readHtml, readPdf } from '../src/ingest/index.ts';
import { PdfRenderer, renderDocx, renderHtml } from '../src/render/index.ts';
import { randomReport } from '../src/testing/random-report.ts';
import { hasShared, SHARED } from '../test/real/shared.ts';
import { peakMb, report, timeAsync, timeEach } from './measure.ts';

/** Reading HTML, DOCX and PDF (extraction + checks) on one core. */
export async function benchFormats(): Promise<void> {
  console.log('\n## 各格式读取：提取 + 核对（单核）');
  // PDF first, before the other formats' data fills the heap.
  const pdfs: { file: string; bytes: Uint8Array }[] = [];
  if (hasShared()) {
    for (const name of ['hzq2023.pdf', 'hzq2024.pdf', 'szfgs2024.pdf'])
      pdfs.push({ file: name, bytes: new Uint8Array(readFileSync(resolve(SHARED, 'corpus', name))) });
    report('PDF（语料中 5–6 页的三份报告）× 10 轮', await timeAsync(pdfs, 10, async (x) => void runChecks(locate(await readPdf(x.file, x.bytes)))));
  } else console.log('（本机没有 ../shared/，跳过真实 PDF）');
  const reports = Array.from({ length: 40 }, (_, i) => randomReport(i + 1));
  const html = reports.map((r, i) => ({ file: `r${i}.html`, bytes: new TextEncoder().encode(renderHtml(r)) }));
  report(
    'HTML（生成的完整报告 40 份）× 10 轮',
    timeEach(html, 10, (x) => void runChecks(locate(readHtml(x.file, x.bytes)))),
  );
  const docx = await Promise.all(reports.map(async (r, i) => ({ file: `r${i}.docx`, bytes: await renderDocx(r) })));
  report(
    'DOCX（生成的完整报告 40 份）× 10 轮',
    timeEach(docx, 10, (x) => void runChecks(locate(readDocx(x.file, x.bytes)))),
  );
}

/** Rendering times: HTML, DOCX, PDF with the browser start, PDF in a batch with one browser. */
export async function benchRender(): Promise<void> {
  console.log('\n## 生成报告');
  const reports = Array.from({ length: 20 }, (_, i) => randomReport(i + 100, { format: '2021' }));
  report(
    'HTML（20 份）× 10 轮',
    timeEach(reports, 10, (r) => void renderHtml(r)),
  );
  report('DOCX（20 份）× 2 轮', await timeAsync(reports, 2, (r) => renderDocx(r)));
  const t0 = performance.now();
  const renderer = await PdfRenderer.start();
  await renderer.render(reports[0] as (typeof reports)[number]);
  console.log(`${'PDF 单份（含浏览器启动）'.padEnd(44)} ${(performance.now() - t0).toFixed(0)} ms  峰值内存 ${peakMb()} MB`);
  report('PDF 批量（同一浏览器，20 份）', await timeAsync(reports, 1, (r) => renderer.render(r)));
  await renderer.close();
}
