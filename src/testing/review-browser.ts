// Steps of the reviewer console's browser tests: a batch made and filled through the page (the
// files dropped on the upload area), and what the PDF pane shows (the canvas drawn, the boxes of
// the selected cells over ink on it).
import type { Page } from 'playwright-core';

export interface UploadFile {
  name: string;
  buffer: Buffer;
}

const MIME: Record<string, string> = { pdf: 'application/pdf', zip: 'application/zip', html: 'text/html', docx: 'application/octet-stream' };

/**
 * Opens 审阅批次 from the menu, makes a batch named `name`, uploads `files` through the upload area
 * and waits until `reports` reports have been read. Returns the batch's id.
 */
export async function uploadToNewBatch(page: Page, name: string, files: readonly UploadFile[], reports: number): Promise<number> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '审阅批次' }).click();
  await page.getByRole('button', { name: '新建审阅批次' }).click();
  const dialog = page.getByRole('dialog', { name: '新建审阅批次' });
  await dialog.getByLabel('批次名称').fill(name);
  await dialog.getByRole('button', { name: /新\s*建/ }).click();
  await page.waitForURL(/\/review\/batches\/\d+$/);
  const batchId = Number(/\/review\/batches\/(\d+)$/.exec(page.url())![1]);
  await page.getByRole('heading', { name }).waitFor();
  await page
    .locator('input[type="file"]')
    .setInputFiles(
      files.map((f) => ({ name: f.name, mimeType: MIME[f.name.split('.').pop() ?? ''] ?? 'application/octet-stream', buffer: f.buffer })),
    );
  // Every request answered (antd marks the file done), then every report read.
  await page
    .locator('.ant-upload-list-item-done')
    .nth(files.length - 1)
    .waitFor({ timeout: 120_000 });
  await page.getByText(`已全部读取：共 ${reports} 份`).waitFor({ timeout: 180_000 });
  return batchId;
}

export interface DrawnBox {
  key: string;
  /** The box lies within the drawn page. */
  inside: boolean;
  /** Dark pixels of the page under the box's middle (the figure printed in the cell). */
  ink: number;
}

/** The page drawn on the canvas (its dark pixels) and the cell boxes over it, read from the page. */
export async function drawnBoxes(page: Page): Promise<{ page: number; ink: number; boxes: DrawnBox[] }> {
  // No named functions inside: the test runner's transpiler would wrap them in a helper the page lacks.
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-page]');
    if (!canvas) throw new Error('no page drawn');
    const c = canvas.getBoundingClientRect();
    const ratio = canvas.width / c.width;
    const context = canvas.getContext('2d')!;
    const elements = Array.from(document.querySelectorAll<HTMLElement>('.gk-cell-box'));
    // Regions to count dark pixels in: the whole page, then the middle of each box (clear of the rulings).
    const regions: [number, number, number, number][] = [[0, 0, canvas.width, canvas.height]];
    const boxes: DrawnBox[] = [];
    for (const el of elements) {
      const r = el.getBoundingClientRect();
      const inside = r.left >= c.left - 4 && r.top >= c.top - 4 && r.right <= c.right + 4 && r.bottom <= c.bottom + 4 && r.width > 4 && r.height > 4;
      regions.push([
        (r.left - c.left + r.width * 0.2) * ratio,
        (r.top - c.top + r.height * 0.2) * ratio,
        r.width * 0.6 * ratio,
        r.height * 0.6 * ratio,
      ]);
      boxes.push({ key: el.dataset.key ?? '', inside, ink: 0 });
    }
    const ink = regions.map(([x, y, w, h]) => {
      const data = context.getImageData(Math.round(x), Math.round(y), Math.max(1, Math.round(w)), Math.max(1, Math.round(h))).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! + data[i + 1]! + data[i + 2]!) / 3 < 140) n++;
      return n;
    });
    boxes.forEach((b, i) => (b.ink = ink[i + 1]!));
    return { page: Number(canvas.dataset.page), ink: ink[0]!, boxes };
  });
}
