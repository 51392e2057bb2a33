// The reviewer console in Chromium. A district's reviewer uploads reports generated from the
// register and printed to PDF by the product (东湖区司法局2024 with table 三 and table 四 doctored,
// 东湖区民政局's 2023 and 2024 — the later one repeats last year's section 五 — and a zip of
// 东湖区教育局's two years in a folder), waits for the reading, opens the doctored report, sees the
// finding's cells boxed on the page pdf.js drew, corrects the doctored cell (the findings follow),
// confirms the finding that remains, compares two years; another district's reviewer and a clerk
// cannot open the batch. Screenshots go to test-results/screenshots/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { adminActor, createAgency } from '../../register/index.ts';
import { renderHtml } from '../../render/index.ts';
import type { Report } from '../../report/index.ts';
import { type BrowserRig, startRig } from '../../testing/browser.ts';
import { startTestRenderer } from '../../testing/print-pdfs.ts';
import { drawnBoxes, type UploadFile, uploadToNewBatch } from '../../testing/review-browser.ts';
import { fillSeries, seriesReports } from '../../testing/series.ts';

let rig: BrowserRig;
let page: Page;
let batchId: number;
const files: UploadFile[] = [];
/** The doctored cells: as printed, and as the register counts them. */
const DOCTORED = { key: 'b.granted.natural', table4: 'c.review.total' };
let trueValue: number;

/** A copy of the report with one cell's figure changed (raw text too). */
function doctor(report: Report, key: string, by: number): Report {
  const cell = report.cells[key]!;
  const value = (cell.value ?? 0) + by;
  return { ...report, cells: { ...report.cells, [key]: { ...cell, value, raw: String(value) } } };
}

before(async () => {
  rig = await startRig();
  const ids = await fillSeries(rig.db);
  const reports = await seriesReports(rig.db, ids);
  const of = (agency: string, year: number) => reports.find((r) => r.meta.agency === agency && r.meta.year === year)!;
  const justice = of('东湖区司法局', 2024);
  trueValue = justice.cells[DOCTORED.key]!.value!;
  const renderer = await startTestRenderer();
  try {
    const pdf = async (r: Report) => Buffer.from(await renderer.render(r));
    files.push({
      name: '东湖区司法局2024年政府信息公开工作年度报告.pdf',
      buffer: await pdf(doctor(doctor(justice, DOCTORED.key, 3), DOCTORED.table4, 2)),
    });
    files.push({ name: '东湖区民政局2023.pdf', buffer: await pdf(of('东湖区民政局', 2023)) });
    files.push({ name: '东湖区民政局2024.pdf', buffer: await pdf(of('东湖区民政局', 2024)) });
    const zip = zipSync({
      教育局: {
        '东湖区教育局2023.pdf': await renderer.render(of('东湖区教育局', 2023)),
        年报: { '东湖区教育局2024.pdf': await renderer.render(of('东湖区教育局', 2024)) },
      },
    });
    files.push({ name: '教育局年报.zip', buffer: Buffer.from(zip) });
    // A web page too (shown in the marked view, not drawn): 东湖区人民政府2024 with its table 三 doctored.
    files.push({ name: '东湖区人民政府2024.html', buffer: Buffer.from(renderHtml(doctor(of('东湖区人民政府', 2024), DOCTORED.key, 5)), 'utf8') });
  } finally {
    await renderer.close();
  }
  const other = await createAgency(rig.db, adminActor('test'), { name: '西山区人民政府' });
  await rig.user('reviewer1', 'reviewer', ids['东湖区人民政府']!);
  await rig.user('reviewer2', 'reviewer', other.id);
  await rig.user('clerk1', 'clerk', ids['东湖区民政局']!);
});
after(() => rig?.close());

/** The report of the batch read from `file`. */
async function reportId(file: string): Promise<number> {
  const { rows } = await rig.db.query<{ id: number }>('select id from review_reports where batch_id = $1 and file_name like $2', [
    batchId,
    `%${file}`,
  ]);
  assert.equal(rows.length, 1, file);
  return rows[0]!.id;
}

test('a reviewer uploads PDFs and a zip; they are read and listed with their findings', async () => {
  page = await rig.login('reviewer1');
  batchId = await uploadToNewBatch(page, '2024年度东湖区部门年报审查', files, 6);
  const table = page.getByRole('table', { name: '报告列表' }).or(page.locator('[aria-label="报告列表"] table')).first();
  for (const name of ['东湖区司法局', '东湖区民政局', '东湖区教育局']) await table.getByText(name).first().waitFor();
  const { rows } = await rig.db.query<{ file_name: string; status: string; errors: number }>(
    'select file_name, status, errors from review_reports where batch_id = $1 order by file_name',
    [batchId],
  );
  assert.equal(rows.length, 6);
  assert.ok(
    rows.every((r) => r.status === 'read'),
    JSON.stringify(rows),
  );
  assert.ok(
    rows.some((r) => r.file_name.includes('教育局/年报/东湖区教育局2024.pdf')),
    'the zip expanded with its folders',
  );
  assert.ok(rows.find((r) => r.file_name.startsWith('东湖区司法局'))!.errors >= 2);
  // The same bytes again: refused with the reason, nothing added.
  await page.locator('input[type="file"]').setInputFiles([{ name: '再次上传.pdf', mimeType: 'application/pdf', buffer: files[1]!.buffer }]);
  await page
    .getByRole('list', { name: '未加入的文件' })
    .getByText(/再次上传\.pdf.*已在本批次中/)
    .waitFor();
  // Filters: only the reports with findings of errors, and a search.
  await page.getByLabel('搜索文件名或机关').fill('司法局');
  await page.getByLabel('搜索文件名或机关').press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[aria-label="报告列表"] tbody tr.ant-table-row').length === 1);
  await rig.screenshot(page, 'review-batch');
  assert.deepEqual(rig.pageErrors, []);
});

test('the report page: the finding selects its cells, boxed over the PDF page pdf.js drew', async () => {
  const id = await reportId('东湖区司法局2024年政府信息公开工作年度报告.pdf');
  await page.getByRole('link', { name: /东湖区司法局2024/ }).click();
  await page.waitForURL(new RegExp(`/review/reports/${id}`));
  const finding = page.locator('li[data-issue]').filter({ hasText: '各类申请人之和' });
  await finding.getByRole('button', { pressed: false }).first().click();
  await page.waitForURL(/keys=/);
  const keys = decodeURIComponent(new URL(page.url()).searchParams.get('keys') ?? '').split(',');
  assert.ok(keys.includes(DOCTORED.key), keys.join(','));
  await page.locator('.gk-cell-box').first().waitFor();
  const drawn = await drawnBoxes(page);
  assert.ok(drawn.ink > 5000, `the page is drawn (${drawn.ink} dark pixels)`);
  const doctored = drawn.boxes.find((b) => b.key === DOCTORED.key);
  assert.ok(doctored, `a box over ${DOCTORED.key}: ${JSON.stringify(drawn.boxes)}`);
  for (const box of drawn.boxes) {
    assert.ok(box.inside, `${box.key} lies on the page`);
    assert.ok(box.ink > 0, `${box.key}: the figure printed in the cell lies under its box`);
  }
  // Each box is over a cell the finding names, on the page the reader found it.
  const { rows } = await rig.db.query<{ report: { cells: Record<string, { source?: { page?: number } }> } }>(
    'select report from review_reports where id = $1',
    [id],
  );
  const onPage = keys.filter((k) => rows[0]!.report.cells[k]?.source?.page === drawn.page);
  assert.deepEqual(drawn.boxes.map((b) => b.key).sort(), onPage.sort());
  // The cells' table shows the selection.
  assert.equal(await page.locator(`tr[data-key="${DOCTORED.key}"]`).getAttribute('aria-selected'), 'true');
  await rig.screenshot(page, 'review-report');
  // A cell chosen by itself (keyboard: Tab to its row, Enter) is boxed alone.
  await page.locator('tr[data-key="b.new.total"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/keys=b\.new\.total$/);
  await page.waitForFunction(() => {
    const boxes = document.querySelectorAll<HTMLElement>('.gk-cell-box');
    return boxes.length === 1 && boxes[0]!.dataset.key === 'b.new.total';
  });
  assert.ok((await drawnBoxes(page)).boxes[0]!.ink > 0);
  await finding.getByRole('button', { pressed: false }).first().click();
  await page.waitForURL(new RegExp(`keys=${encodeURIComponent(keys.join(','))}$`));
  assert.deepEqual(rig.pageErrors, []);
});

test('a cell corrected: the findings are checked again, the correction is kept with its reason', async () => {
  const id = await reportId('东湖区司法局2024年政府信息公开工作年度报告.pdf');
  const row = page.locator(`tr[data-key="${DOCTORED.key}"]`);
  await row.getByRole('button', { name: /更正/ }).click();
  const dialog = page.getByRole('dialog', { name: '更正单元格' });
  await dialog.getByLabel('更正后的数值').fill(String(trueValue));
  await dialog.getByRole('button', { name: /更\s*正/ }).click();
  await dialog.getByText('请填写更正理由').waitFor();
  await dialog.getByLabel('更正理由').fill('与原件核对，予以公开的自然人申请应为' + trueValue + '件');
  await dialog.getByRole('button', { name: /更\s*正/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('li[data-issue]').filter({ hasText: '各类申请人之和' }).getByText('已不再出现').waitFor();
  await row.getByText('已更正').waitFor();
  assert.equal(await page.getByTestId(`value-${DOCTORED.key}`).evaluate((el) => el.firstChild?.textContent), String(trueValue));
  await page.getByRole('table').filter({ hasText: '与原件核对' }).waitFor();
  const corrections = await rig.db.query<{ value: string; read_value: string; corrected_by: string }>(
    'select value, read_value, corrected_by from review_corrections where report_id = $1',
    [id],
  );
  assert.deepEqual(
    corrections.rows.map((r) => [Number(r.value), Number(r.read_value), r.corrected_by]),
    [[trueValue, trueValue + 3, 'reviewer1']],
  );
  const issues = await rig.db.query<{ rule: string; present: boolean }>(
    'select rule, present from review_issues where report_id = $1 and rule like $2',
    [id, 'b-%'],
  );
  assert.ok(issues.rows.length >= 1 && issues.rows.every((r) => !r.present), JSON.stringify(issues.rows));
  await rig.screenshot(page, 'review-corrected');
  assert.deepEqual(rig.pageErrors, []);
});

test('the finding that remains is confirmed; dismissing asks for a note', async () => {
  const id = await reportId('东湖区司法局2024年政府信息公开工作年度报告.pdf');
  const { rows } = await rig.db.query<{ id: number; message: string }>(
    "select id, message from review_issues where report_id = $1 and rule = 'c-group-sum' and present",
    [id],
  );
  assert.equal(rows.length, 1, 'table 四 still adds up wrong');
  const item = page.locator(`li[data-issue="${rows[0]!.id}"]`);
  await item.getByRole('button', { name: `确认：${rows[0]!.message}` }).click();
  await item.getByText('已确认').waitFor();
  const status = await rig.db.query<{ status: string }>('select status from review_issues where id = $1', [rows[0]!.id]);
  assert.equal(status.rows[0]!.status, 'confirmed');
  // Another open finding: 排除 cannot be done without a note.
  const open = page
    .locator('li[data-issue]')
    .filter({ has: page.getByRole('button', { name: /^排除：/ }) })
    .first();
  if ((await open.count()) > 0) {
    await open.getByRole('button', { name: /^排除：/ }).click();
    const dialog = page.getByRole('dialog', { name: '排除该问题' });
    assert.equal(await dialog.getByRole('button', { name: /排\s*除/ }).isDisabled(), true);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
  }
  assert.deepEqual(rig.pageErrors, []);
});

test("a web page is shown in a sandboxed frame with the finding's cells marked", async () => {
  const id = await reportId('东湖区人民政府2024.html');
  await page.goto(`${rig.url}/review/reports/${id}`);
  await page.locator('li[data-issue]').filter({ hasText: '各类申请人之和' }).getByRole('button', { pressed: false }).first().click();
  await page.waitForURL(/keys=/);
  const iframe = page.locator('iframe[title="报告原文"][src*="keys="]');
  assert.equal(await iframe.getAttribute('sandbox'), '');
  assert.match((await iframe.getAttribute('src')) ?? '', new RegExp(`keys=[^#]*${DOCTORED.key.replace(/\./g, '\\.')}`));
  const frame = page.frameLocator('iframe[title="报告原文"][src*="keys="]');
  await frame.locator(`[data-key="${DOCTORED.key}"]`).first().waitFor();
  assert.equal(await frame.locator('script').count(), 0);
  await rig.screenshot(page, 'review-report-html');
  assert.deepEqual(rig.pageErrors, []);
});

test('two years of an agency compared: the cells that moved, the sections diffed, the copied section marked', async () => {
  const id = await reportId('东湖区民政局2024.pdf');
  await page.goto(`${rig.url}/review/reports/${id}`);
  await page.getByRole('link', { name: '与其他年度对比' }).click();
  await page.waitForURL(/\/review\/compare\?a=\d+&b=\d+/);
  await page.getByRole('heading', { name: /年度对比：东湖区民政局/ }).waitFor();
  const cells = page.locator('[aria-label="单元格变化"] tbody tr.ant-table-row');
  await cells.first().waitFor();
  const five = page.getByRole('region', { name: /五、存在的主要问题及改进情况/ });
  await five.getByText(/与上年相同程度 (8\d|9\d|100)%/).waitFor();
  assert.ok((await five.locator('mark.gk-repeated').count()) > 0, 'the repeated passages are highlighted');
  await rig.screenshot(page, 'review-compare');
  assert.deepEqual(rig.pageErrors, []);
});

test("another district's reviewer and a clerk cannot open the batch", async () => {
  const other = await rig.login('reviewer2');
  await other.goto(`${rig.url}/review/batches/${batchId}`);
  await other.getByText('找不到该审阅批次').waitFor();
  await other.goto(`${rig.url}/review`);
  await other.getByRole('table', { name: '审阅批次列表' }).or(other.locator('[aria-label="审阅批次列表"]')).first().waitFor();
  assert.equal(await other.getByText('2024年度东湖区部门年报审查').count(), 0);
  const clerk = await rig.login('clerk1');
  assert.equal(await clerk.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '审阅批次' }).count(), 0);
  await clerk.goto(`${rig.url}/review/batches/${batchId}`);
  await clerk.getByText('无权查看该审阅批次').waitFor();
  await rig.screenshot(clerk, 'review-forbidden');
  assert.deepEqual(rig.pageErrors, []);
});
