// The reviewer console's workflow in Chromium: a district's reviewer collects three reports (the
// government's and two departments', rendered from generated reports, one with table 三's 本年新收
// doctored so that its identities break) and they are read in the background; on the 问题清单 the
// reviewer confirms the finding and assigns it for 整改 to the department, exports the 通报 (a DOCX
// naming the agency and the problem) and the other exports; the department's clerk finds it under
// 整改通知 and responds; the reviewer accepts it and it is archived. The clerk cannot open the
// console (the page and the API refuse). The 汇总分析 draws its charts, and a figure opens the
// reports behind it, each linking to its report page with the cell marked.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { adminActor, createAgency } from '../../register/index.ts';
import { renderHtml } from '../../render/index.ts';
import type { Report } from '../../report/index.ts';
import { type BrowserRig, startRig } from '../../testing/browser.ts';
import { randomReport } from '../../testing/random-report.ts';

const GOVERNMENT = '东湖区人民政府';
const JUSTICE = '东湖区司法局';
const CIVIL = '东湖区民政局';
const YEAR = 2024;

let rig: BrowserRig;
let batchId: number;
let justiceId: number;
const dialogs: string[] = [];

/** antd puts a space between the two characters of a two-character button label. */
function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

/** A generated report of an agency and year (2021 format, every identity holding). */
function reportOf(seed: number, agency: string): Report {
  const r = randomReport(seed, { format: '2021' });
  return { ...r, meta: { ...r.meta, agency, year: YEAR, title: `${agency}${YEAR}年政府信息公开工作年度报告`, date: `${YEAR + 1}-01-20` } };
}

/** The report with one cell's value raised by `delta` (its identities broken). */
function doctored(report: Report, key: string, delta: number): Report {
  const cell = report.cells[key] as Report['cells'][string];
  const value = (cell.value ?? 0) + delta;
  return { ...report, cells: { ...report.cells, [key]: { ...cell, value, raw: String(value) } } };
}

async function login(username: string): Promise<Page> {
  const page = await rig.login(username);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return page;
}

/** The CSRF token of a page's session (double submit), for API calls made beside the UI. */
async function csrf(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return decodeURIComponent(cookies.find((c) => c.name === 'gk_csrf')?.value ?? '');
}

/** The page's text once the UI has settled: the first row of the 问题清单 of an agency. */
function issueRows(page: Page, agency: string): Locator {
  return page.getByRole('region', { name: agency }).locator('tr[data-issue]');
}

/** Opens a workflow step's dialog on a row, fills it, submits, and waits for the new status. */
async function act(page: Page, row: Locator, action: string, status: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await row.getByRole('button', { name: label(action) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label(action) }).click();
  await dialog.waitFor({ state: 'hidden' });
  await row.getByText(status, { exact: true }).waitFor();
}

before(async () => {
  rig = await startRig();
  const actor = adminActor('test');
  const government = await createAgency(rig.db, actor, { name: GOVERNMENT });
  justiceId = (await createAgency(rig.db, actor, { name: JUSTICE, parentId: government.id })).id;
  await createAgency(rig.db, actor, { name: CIVIL, parentId: government.id });
  await rig.user('rev1', 'reviewer', government.id);
  await rig.user('clerk1', 'clerk', justiceId);

  // The batch is made and filled through the API, as the reviewer.
  const page = await login('rev1');
  const token = await csrf(page);
  const created = await page.request.post(`${rig.url}/api/review/batches`, {
    headers: { 'X-CSRF-Token': token },
    data: { name: `${YEAR}年度东湖区年报审查`, year: YEAR },
  });
  assert.equal(created.status(), 201, await created.text());
  batchId = ((await created.json()) as { id: number }).id;
  const files = [
    [`${GOVERNMENT}.html`, renderHtml(reportOf(11, GOVERNMENT))],
    [`${JUSTICE}.html`, renderHtml(doctored(reportOf(12, JUSTICE), 'b.new.total', 3))],
    [`${CIVIL}.html`, renderHtml(reportOf(13, CIVIL))],
  ] as const;
  const form = new FormData();
  for (const [name, html] of files) form.append('files', new Blob([html], { type: 'text/html' }), name);
  const uploaded = await page.request.post(`${rig.url}/api/review/batches/${batchId}/files`, {
    headers: { 'X-CSRF-Token': token },
    multipart: form,
  });
  assert.equal(uploaded.status(), 201, await uploaded.text());
  for (let i = 0; ; i++) {
    const batch = (await (await page.request.get(`${rig.url}/api/review/batches/${batchId}`)).json()) as {
      reports: { pending: number; read: number };
    };
    if (batch.reports.pending === 0) {
      assert.equal(batch.reports.read, 3, 'every report is read');
      break;
    }
    assert.ok(i < 600, 'the reports are read within a minute');
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.context().close();
});
after(() => rig?.close());

test('the reviewer confirms a finding, assigns it, exports the 通报; the agency responds; the reviewer archives it', async () => {
  const reviewer = await login('rev1');
  // The register's agencies are held back until the dismiss dialog shows its message: their late
  // arrival (as on a loaded machine) must not reset the open dialog.
  let releaseAgencies!: () => void;
  const agenciesHeld = new Promise<void>((resolve) => (releaseAgencies = resolve));
  await reviewer.route('**/api/agencies', async (route) => {
    await agenciesHeld;
    await route.continue();
  });
  await reviewer.goto(`${rig.url}/review/batches/${batchId}/issues`);
  const rows = issueRows(reviewer, JUSTICE);
  await rows.first().waitFor();
  assert.equal(await reviewer.getByRole('region', { name: CIVIL }).count(), 0, 'the true reports have no findings');
  const first = rows.first();
  const problem = (await first.locator('td').nth(1).innerText()).trim();
  assert.match(problem, /本年新收|勾稽|总计|一、/);
  const issueId = Number(await first.getAttribute('data-issue'));
  const row = reviewer.locator(`tr[data-issue="${issueId}"]`);
  await row.getByText('待审核', { exact: true }).waitFor();

  // 排除 needs a reason: the dialog refuses without one, then is cancelled.
  await row.getByRole('button', { name: label('排除') }).click();
  const dismiss = reviewer.getByRole('dialog');
  await dismiss.getByRole('button', { name: label('排除') }).click();
  const refusal = dismiss.getByText('排除问题须说明理由');
  await refusal.waitFor();
  const agenciesLoaded = reviewer.waitForResponse((r) => r.url().endsWith('/api/agencies'));
  releaseAgencies();
  await agenciesLoaded;
  await reviewer.waitForTimeout(300);
  assert.ok(await refusal.isVisible(), 'the message stays when the agencies arrive');
  await dismiss.getByRole('button', { name: label('取消') }).click();
  await dismiss.waitFor({ state: 'hidden' });

  await act(reviewer, row, '确认', '已确认', (d) => d.getByLabel('说明').fill('表三勾稽关系不成立，属实'));
  await act(reviewer, row, '交办整改', '整改中', async (d) => {
    // The agency defaults to the one the report names.
    await d.getByText(JUSTICE).first().waitFor();
    assert.ok((await d.getByLabel('整改期限').inputValue()).match(/^\d{4}-\d{2}-\d{2}$/));
  });
  await row.getByText(JUSTICE).first().waitFor();
  await rig.screenshot(reviewer, 'review-issues');

  // The 通报: a DOCX naming the agency and the problem.
  const [notice] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByRole('button', { name: '导出通报（DOCX）' }).click()]);
  assert.match(notice.suggestedFilename(), /\.docx$/);
  const docx = await readFile(await notice.path());
  const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
  const text = xml.replace(/<[^>]+>/g, '');
  assert.ok(text.includes(JUSTICE), 'the 通报 names the agency');
  const message = (await rig.db.query<{ message: string }>('select message from review_issues where id = $1', [issueId])).rows[0]!.message;
  assert.ok(text.includes(message), `the 通报 names the problem: ${message}`);

  // The other exports: two workbooks and a CSV for Excel.
  for (const [button, ext, head] of [
    ['导出问题清单（XLSX）', /\.xlsx$/, 'PK'],
    ['导出报告数据（XLSX）', /\.xlsx$/, 'PK'],
    ['导出问题（CSV）', /\.csv$/, '\ufeff'],
  ] as const) {
    const [file] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByRole('button', { name: button }).click()]);
    assert.match(file.suggestedFilename(), ext, button);
    const bytes = await readFile(await file.path());
    assert.ok(bytes.toString(head === 'PK' ? 'latin1' : 'utf8').startsWith(head), button);
    if (head !== 'PK') assert.ok(bytes.toString('utf8').includes(JUSTICE), 'the CSV lists the agency');
  }

  // The department's clerk: 整改通知 lists it; the response sends it back for re-review.
  const clerk = await login('clerk1');
  await clerk.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '整改通知' }).click();
  const card = clerk.getByRole('article', { name: message });
  await card.waitFor();
  await card.getByText('整改中').waitFor();
  await card.getByLabel('整改情况').fill('已更正表三第一行数据，并于门户网站重新发布年度报告。');
  await card.getByRole('button', { name: '提交整改情况' }).click();
  // Answered, it leaves the list of those to rectify for the answered ones.
  await card.waitFor({ state: 'detached' });
  await clerk.getByText(/^已反馈（\d+）$/).click();
  await card.getByText('已反馈', { exact: true }).waitFor();
  await card.getByText('已更正表三第一行数据').waitFor();
  assert.equal(await card.getByRole('textbox').count(), 0, 'read-only after the response');
  await rig.screenshot(clerk, 'rectification');

  // The clerk cannot open the console, nor reach its API.
  assert.equal(await clerk.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '采集队列' }).count(), 0);
  await clerk.goto(`${rig.url}/review/batches/${batchId}/issues`);
  await clerk.getByText('无权访问').waitFor();
  for (const path of [`/api/review/batches/${batchId}`, `/api/review/batches/${batchId}/issues`, `/api/review/batches/${batchId}/notice.docx`]) {
    const refused = await clerk.request.get(rig.url + path);
    assert.ok([403, 404].includes(refused.status()), `${path}: ${refused.status()}`);
  }

  // Back to the reviewer: the response is there; accepting it archives the finding.
  await reviewer.reload();
  await row.getByText('已反馈', { exact: true }).waitFor();
  await row.getByText('已更正表三第一行数据').waitFor();
  await act(reviewer, row, '通过复核', '已归档');
  const stored = (await rig.db.query<{ status: string }>('select status from review_issues where id = $1', [issueId])).rows[0]!;
  assert.equal(stored.status, 'archived');
  // The clerk sees it archived and still read-only.
  await clerk.goto(`${rig.url}/rectification`);
  await clerk.getByText(/^全部（\d+）$/).click();
  await clerk.getByRole('article', { name: message }).getByText('已归档').waitFor();
  await reviewer.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(rig.pageErrors, []);
});

test('the 汇总分析 draws its charts by level, and a figure opens the reports behind it', async () => {
  const page = await login('rev1');
  await page.goto(`${rig.url}/review/batches/${batchId}/aggregate`);
  const main = page.getByRole('img', { name: /^各层级主要数据/ });
  await main.waitFor();
  // The chart is drawn: its canvas holds more than one colour.
  const colours = await main
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 16) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
  assert.ok(colours > 3, `the chart is drawn (${colours} colours)`);
  const label = (await main.getAttribute('aria-label')) ?? '';
  assert.match(label, /收到申请数\d+/);
  await rig.screenshot(page, 'review-aggregate');

  // A total in the table: the departments' 本年新收 总计 → the two departments' reports.
  const totals = page.getByRole('table', { name: '各层级合计' });
  const cell = totals.locator('button[data-key="b.new.total"]').last();
  await cell.click();
  const drawer = page.getByRole('dialog');
  const reports = drawer.getByRole('table', { name: '数据来源报告' });
  await reports.getByText(JUSTICE).waitFor();
  await reports.getByText(CIVIL).waitFor();
  const values = await reports.locator('tbody tr').count();
  assert.ok(values >= 2, `${values} reports behind the figure`);
  await rig.screenshot(page, 'review-aggregate-drawer');
  const link = reports.getByRole('link', { name: `查看${JUSTICE}${YEAR}年报告` });
  assert.match((await link.getAttribute('href')) ?? '', /^\/review\/reports\/\d+\?keys=b\.new\.total$/);
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // A bar of the chart of agencies with findings: the red of 错误 is found on the canvas (below the
  // legend, once the bars have grown) and clicked; the report behind it opens.
  await page.getByText(/部门（2份）/).click();
  const flagged = page.getByRole('img', { name: new RegExp(`^发现问题的机关：${JUSTICE}错误`) });
  let bar: { x: number; y: number } | null = null;
  for (let i = 0; i < 50 && !bar; i++) {
    bar = await flagged
      .locator('canvas')
      .first()
      .evaluate((canvas: HTMLCanvasElement) => {
        const { width, height } = canvas;
        const data = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
        const scale = width / canvas.clientWidth;
        // The first bar: the first rows of red below the legend (grid top 28 px).
        let [top, bottom, left, right] = [-1, -1, width, -1];
        for (let y = Math.ceil(28 * scale); y < height; y++) {
          let any = false;
          for (let x = 0; x < width; x++) {
            // (no helper function here: the test's compiler would wrap it in a helper the page lacks)
            const o = (y * width + x) * 4;
            if (Math.abs(data[o]! - 0xcf) < 4 && Math.abs(data[o + 1]! - 0x13) < 4 && Math.abs(data[o + 2]! - 0x22) < 4) {
              any = true;
              left = Math.min(left, x);
              right = Math.max(right, x);
            }
          }
          if (any && top < 0) top = y;
          if (!any && top >= 0) {
            bottom = y - 1;
            break;
          }
        }
        if (top < 0 || bottom < 0 || right - left < 4 * scale) return null;
        return { x: (left + right) / 2 / scale, y: (top + bottom) / 2 / scale };
      });
    if (!bar) await page.waitForTimeout(100);
  }
  assert.ok(bar, 'the red bar of 错误 is drawn');
  await flagged.click({ position: bar });
  await page.waitForURL(/\/review\/reports\/\d+$/);
  await page.getByText(JUSTICE).first().waitFor();

  assert.deepEqual(rig.pageErrors, []);
});

test('the queue page says why there is no queue without a PostgreSQL server', async () => {
  const page = await login('rev1');
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '采集队列' }).click();
  await page.getByText('采集队列未启用').waitFor();
  await rig.screenshot(page, 'review-queue');
  assert.deepEqual(rig.pageErrors, []);
});
