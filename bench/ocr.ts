import { readReportBytes } from '../src/ingest/index.ts';
import { tesseractProgram } from '../src/ingest/ocr/tesseract.ts';
import { startTestRenderer } from '../src/testing/print-pdfs.ts';
import { type ScanCase, scanCase, scoreScan } from '../src/testing/scan.ts';

/**
 * OCR: generated scans of random reports (150–300 dpi, skew, noise, JPEG, a seal over a table)
 * read back — cells exact, wrong cells and whether each was flagged `ocr-low-confidence`, and the
 * time per page. `GONGKAI_OCR_REPORTS` sets how many reports (30 by default).
 */
export async function benchOcr(count = Number(process.env.GONGKAI_OCR_REPORTS ?? 30)): Promise<void> {
  console.log(`\n## OCR（表格单元格 PP-OCR，其余文字 tesseract；${count} 份随机报告的扫描件）`);
  if (!tesseractProgram()) {
    console.log('未安装 tesseract-ocr，跳过');
    return;
  }
  const renderer = await startTestRenderer();
  let [cells, exact, missing, wrong, unflagged, flaggedRight, pages, ms] = [0, 0, 0, 0, 0, 0, 0, 0];
  try {
    for (let i = 0; i < count; i++) {
      const container: ScanCase['container'] = i % 5 === 3 ? 'png' : i % 5 === 4 ? 'jpg' : 'pdf';
      const c = await scanCase(renderer, 1000 + i, container);
      const t0 = performance.now();
      const back = await readReportBytes(c.name, c.bytes);
      const took = performance.now() - t0;
      const n = container === 'pdf' ? new Set(Object.values(back.cells).map((x) => x.source?.page)).size : 1;
      const s = scoreScan(c, back);
      [cells, exact, missing, wrong] = [cells + s.cells, exact + s.exact, missing + s.missing.length, wrong + s.wrong.length];
      unflagged += s.wrong.filter((w) => !w.flagged).length;
      flaggedRight += s.flaggedRight;
      pages += n;
      ms += took;
      const bad = s.wrong.map((w) => `${w.key}: ${w.expected}→${w.read}${w.flagged ? '' : ' 未标记'}`).join('; ');
      console.log(
        `${c.name}: ${s.exact}/${s.cells} 准确，缺 ${s.missing.length}，错 ${s.wrong.length}，标记正确值 ${s.flaggedRight}，${Math.round(took / n)} ms/页${bad ? `  [${bad}]` : ''}${s.missing.length ? `  缺: ${s.missing.slice(0, 6).join(', ')}` : ''}`,
      );
    }
  } finally {
    await renderer.close();
  }
  console.log(
    `合计：单元格 ${cells}，准确 ${exact}（${((exact / cells) * 100).toFixed(2)}%），缺 ${missing}，错 ${wrong}（未标记 ${unflagged}），正确但标记低置信度 ${flaggedRight}；每页 ${Math.round(ms / pages)} ms（${pages} 页）`,
  );
}
