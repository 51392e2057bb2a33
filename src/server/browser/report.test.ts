// The report and administration pages in Chromium, on a register holding the demo bureau's
// year (东湖区民政局, 2024, built with the register's own functions): table 三 equals the
// register's counts, sections are saved and shown as text (never run), export, publishing locks
// the year (the UI and the API refuse a later change), and an administrator adds a clerk and
// sees the one-time password once. Screenshots of each page go to test-results/screenshots/.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO, fillDemoRegister } from '../../register/demo.ts';
import { adminActor, getReportTexts, setReportText } from '../../register/index.ts';
import { type BrowserRig, startRig } from '../../testing/browser.ts';

let rig: BrowserRig;
let agencyId: number;
let governmentId: number;
const dialogs: string[] = [];

before(async () => {
  rig = await startRig();
  agencyId = (await fillDemoRegister(rig.db)).agencyId;
  const { rows } = await rig.db.query<{ parentId: number }>('select parent_id as "parentId" from agencies where id = $1', [agencyId]);
  governmentId = rows[0]!.parentId;
  // Last year's section 五 is this year's, word for word: the page must warn of it.
  const texts = await getReportTexts(rig.db, adminActor('test'), agencyId, DEMO.year);
  await setReportText(rig.db, adminActor('test'), agencyId, DEMO.year - 1, 5, texts[5] ?? '');
  await rig.user('approver1', 'approver', agencyId);
  await rig.user('admin1', 'admin', governmentId);
});
after(() => rig?.close());

/** Logs in and opens a page of the workbench on the demo agency's year. */
async function open(username: string, path: string): Promise<Page> {
  const page = await rig.login(username);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.evaluate(
    ([agency, year]) => {
      localStorage.setItem('gk.agency', String(agency));
      localStorage.setItem('gk.year', String(year));
    },
    [agencyId, DEMO.year],
  );
  await page.goto(rig.url + path);
  return page;
}

/** The register's own counts of the year, straight from its tables. */
async function registerCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const received = await rig.db.query<{ kind: string; n: number }>(
    `select applicant_kind as kind, count(*)::int as n from applications where agency_id = $1 and extract(year from received_on) = $2 group by 1`,
    [agencyId, DEMO.year],
  );
  for (const r of received.rows) counts[`b.new.${r.kind}`] = r.n;
  counts['b.new.total'] = received.rows.reduce((s, r) => s + r.n, 0);
  const closed = await rig.db.query<{ outcome: string; n: number }>(
    `select outcome, count(*)::int as n from applications where agency_id = $1 and extract(year from closed_on) = $2 group by 1`,
    [agencyId, DEMO.year],
  );
  for (const r of closed.rows) counts[`b.${r.outcome}.total`] = r.n;
  counts['b.total.total'] = closed.rows.reduce((s, r) => s + r.n, 0);
  return counts;
}

test('the report page shows table 三 as the register counts it, beside last year', async () => {
  const page = await open('approver1', '/report');
  await page.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
  const counts = await registerCounts();
  assert.ok(counts['b.new.total']! >= 5, 'the demo year holds applications');
  for (const [key, n] of Object.entries(counts)) {
    assert.equal(await page.getByTestId(key).textContent(), String(n), key);
  }
  assert.ok(await page.getByText(/上年/).first().isVisible());
  const five = page.getByRole('region', { name: '五、存在的主要问题及改进情况' });
  await five.getByText(/本年正文与上年几乎相同（相似度100%）/).waitFor();
  assert.equal(await page.getByText(/本年正文与上年几乎相同/).count(), 1, 'only section 五 is a copy');
  await rig.screenshot(page, 'report');
  assert.deepEqual(rig.pageErrors, []);
});

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

/** The stored text of a section of the demo year. */
async function storedText(section: number): Promise<string | undefined> {
  const { rows } = await rig.db.query<{ text: string }>('select text from report_texts where agency_id = $1 and year = $2 and section = $3', [
    agencyId,
    DEMO.year,
    section,
  ]);
  return rows[0]?.text;
}

test('a section is edited in place and saved, the findings follow; markup in it stays text', async () => {
  const page = await open('approver1', '/report');
  const first = page.getByLabel('本年正文（一、总体情况）');
  // A number the tables contradict: the findings, fetched again after the save, say so.
  await first.fill('2024年，本局全面推进政务公开，全年共收到政府信息公开申请3件。');
  await page.getByRole('button', { name: '保存一、总体情况' }).click();
  const finding = page.getByRole('list', { name: '检查发现的问题' }).getByRole('button').filter({ hasText: '3件' });
  await finding.waitFor();
  // Keyboard only: the finding is a button, Enter chooses it.
  await finding.focus();
  await page.keyboard.press('Enter');
  assert.equal(await finding.getAttribute('aria-pressed'), 'true');
  const outlined = await page.locator('td[data-key="b.new.total"]').evaluate((td) => getComputedStyle(td).outlineStyle);
  assert.equal(outlined, 'solid', 'the finding marks its cell');
  await rig.screenshot(page, 'report-finding');
  await first.fill('2024年，本局全面推进政务公开，全年共收到政府信息公开申请10件。');
  await first.press('Control+s');
  await page.getByText('已保存').waitFor();
  await finding.waitFor({ state: 'detached' });
  assert.equal(await storedText(1), '2024年，本局全面推进政务公开，全年共收到政府信息公开申请10件。');

  const sixth = page.getByLabel('本年正文（六、其他需要报告的事项）');
  await sixth.fill(`本年度未收取信息处理费。${HOSTILE}`);
  await page.getByRole('button', { name: '保存六、其他需要报告的事项' }).click();
  await page.getByText('已保存').first().waitFor();
  assert.equal(await storedText(6), `本年度未收取信息处理费。${HOSTILE}`);
  await page.reload();
  assert.equal(await page.getByLabel('本年正文（六、其他需要报告的事项）').inputValue(), `本年度未收取信息处理费。${HOSTILE}`);
  assert.equal(await page.locator('main img[src="x"]').count(), 0);
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(rig.pageErrors, []);
});

test('the preview shows the report in the standard layout, markup as text, in a sandboxed frame', async () => {
  const page = await open('approver1', '/report');
  await page.getByRole('tab', { name: '预览' }).click();
  const frame = page.frameLocator('iframe[title="年度报告预览"]');
  await frame.getByText('三、收到和处理政府信息公开申请情况').first().waitFor();
  await frame.getByText(HOSTILE, { exact: false }).waitFor();
  await rig.screenshot(page, 'report-preview');
  assert.equal(await page.locator('iframe[title="年度报告预览"]').getAttribute('sandbox'), '');
  assert.equal(await frame.locator('script, img').count(), 0);
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(rig.pageErrors, []);
});

test('the report exports as a DOCX', async () => {
  const page = await open('approver1', '/report');
  await page.getByRole('button', { name: /导\s*出/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Word 文档（DOCX）' }).click()]);
  assert.match(download.suggestedFilename(), /\.docx$/);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  assert.ok(bytes.includes(Buffer.from('word/document.xml')), 'a Word document inside the package');
  assert.deepEqual(rig.pageErrors, []);
});

test('table 二 is entered in the standard layout and saved', async () => {
  const page = await open('approver1', '/proactive');
  const input = page.getByLabel('表二「行政许可」「本年处理决定数量」');
  await input.fill('130');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText(`${DEMO.year}年主动公开数据已保存`).waitFor();
  const { rows } = await rig.db.query<{ value: number }>(
    `select value from proactive_stats where agency_id = $1 and year = $2 and key = 'a.licensing.decisions'`,
    [agencyId, DEMO.year],
  );
  assert.equal(Number(rows[0]?.value), 130);
  await rig.screenshot(page, 'proactive');
  assert.deepEqual(rig.pageErrors, []);
});

test('a reconsideration is recorded and closed; table 四 counts it', async () => {
  const page = await open('approver1', '/reviews');
  await page.getByTestId('c.review.total').waitFor();
  const before = Number(await page.getByTestId('c.review.total').textContent());
  await page.getByRole('button', { name: '登记复议或诉讼' }).click();
  const dialog = page.getByRole('dialog', { name: '登记行政复议或行政诉讼' });
  await dialog.getByLabel('类型').click();
  await page.getByTitle('行政复议', { exact: true }).click();
  await dialog.getByLabel('收到日期').fill(`${DEMO.year}-09-10`);
  await dialog.getByLabel('收到日期').press('Enter');
  await dialog.getByLabel('备注').fill('申请人对答复不服');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('cell', { name: '申请人对答复不服' }).waitFor();
  await page.waitForFunction((n) => document.querySelector('[data-testid="c.review.total"]')?.textContent === String(n), before + 1);
  const pending = Number(await page.getByTestId('c.review.pending').textContent());
  const row = page.getByRole('row').filter({ hasText: '申请人对答复不服' });
  await row.getByRole('button', { name: /审结/ }).click();
  const close = page.getByRole('dialog').filter({ hasText: '审结第' });
  await close.getByLabel('结果').click();
  await page.getByTitle('结果纠正', { exact: true }).click();
  await close.getByLabel('审结日期').fill(`${DEMO.year}-11-20`);
  await close.getByLabel('审结日期').press('Enter');
  await close.getByRole('button', { name: /审\s*结/ }).click();
  await close.waitFor({ state: 'hidden' });
  await page.waitForFunction((n) => document.querySelector('[data-testid="c.review.pending"]')?.textContent === String(n), pending - 1);
  await rig.screenshot(page, 'reviews');
  assert.deepEqual(rig.pageErrors, []);
});

test('publishing locks the year: the page shows it, the API and the UI refuse a later change', async () => {
  const page = await open('approver1', '/report');
  await page.getByRole('button', { name: /发\s*布/ }).click();
  await page.getByText(`发布即锁定${DEMO.year}年度`).waitFor();
  await page.getByRole('button', { name: '确认发布并锁定' }).click();
  await page.getByText(`${DEMO.year}年度报告已发布（已锁定）`).waitFor();
  assert.ok(await page.getByLabel('本年正文（一、总体情况）').isDisabled());
  await page.reload();
  await page.getByText(`${DEMO.year}年度报告已发布（已锁定）`).waitFor();
  assert.ok(await page.getByLabel('本年正文（六、其他需要报告的事项）').isDisabled());
  assert.ok(await page.getByRole('button', { name: '保存六、其他需要报告的事项' }).isDisabled());
  await rig.screenshot(page, 'report-published');

  // The API refuses a change to the locked year, whatever the page shows.
  const refused = await page.evaluate(
    async ([agency, year]) => {
      const csrf = decodeURIComponent(/gk_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '');
      const response = await fetch(`/api/agencies/${agency}/texts/${year}/5`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ text: '发布后的改动' }),
      });
      return { status: response.status, body: (await response.json()) as { error: { message: string } } };
    },
    [agencyId, DEMO.year],
  );
  assert.ok([409, 423].includes(refused.status), `status ${refused.status}`);
  assert.match(refused.body.error.message, /锁定|发布/);
  assert.notEqual(await storedText(5), '发布后的改动');

  // A page that does not know of the lock shows the server's refusal.
  await page.goto(rig.url + '/proactive');
  await page.getByLabel('表二「行政处罚」「本年处理决定数量」').fill('9');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText(`${DEMO.year}年度已发布（已锁定），不能修改`).waitFor();
  assert.deepEqual(rig.pageErrors, []);
});

test('an administrator adds a clerk and sees the one-time password once; it opens the workbench', async () => {
  const page = await open('admin1', '/users');
  await page.getByRole('button', { name: '添加用户' }).click();
  const dialog = page.getByRole('dialog', { name: '添加用户' });
  await dialog.getByLabel('用户名').fill('clerk2');
  await dialog.getByLabel('姓名').fill('李录入');
  await dialog.getByLabel('所属机关').fill(DEMO.agency);
  await dialog.getByLabel('所属机关').press('Enter');
  await dialog.getByRole('button', { name: /添\s*加/ }).click();
  const shown = page.getByTestId('one-time-password');
  await shown.waitFor();
  const password = ((await shown.textContent()) ?? '').trim();
  assert.ok(password.length >= 10, `a password was shown: ${password}`);
  await rig.screenshot(page, 'users-one-time-password');
  await page.getByRole('button', { name: '我已记下' }).click();
  await shown.waitFor({ state: 'detached' });
  const row = page.getByRole('row').filter({ hasText: 'clerk2' });
  await row.getByText('录入员').waitFor();
  assert.equal(await page.getByText(password).count(), 0, 'the password is not shown again');
  await rig.screenshot(page, 'users');

  const clerk = await rig.page();
  await clerk.goto(rig.url + '/');
  await clerk.getByLabel('用户名').fill('clerk2');
  await clerk.getByLabel('密码').fill(password);
  await clerk.getByRole('button', { name: /登\s*录/ }).click();
  await clerk.getByText('您使用的是一次性密码，请先设置新密码').waitFor();

  // Re-role and disable, then a reset gives a new one-time password, shown once again.
  await page.getByRole('button', { name: '修改clerk2' }).click();
  const edit = page.getByRole('dialog', { name: '修改用户「clerk2」' });
  await edit.getByLabel('姓名').fill('李审核');
  await edit.getByLabel('角色').click();
  await page.getByTitle('审核人', { exact: true }).click();
  await edit.getByLabel('停用').click();
  await edit.getByRole('button', { name: /保\s*存/ }).click();
  await row.getByText('已停用').waitFor();
  assert.ok(await row.getByText('审核人').isVisible());
  assert.ok(await row.getByText('李审核').isVisible());
  const stored = await rig.db.query<{ role: string; disabled: boolean }>(`select role, disabled from users where username = 'clerk2'`);
  assert.deepEqual(stored.rows[0], { role: 'approver', disabled: true });
  await page.getByRole('button', { name: '重置clerk2的密码' }).click();
  await page
    .getByRole('button', { name: /重置密码/ })
    .last()
    .click();
  await shown.waitFor();
  assert.notEqual(((await shown.textContent()) ?? '').trim(), password);
  await page.getByRole('button', { name: '我已记下' }).click();
  assert.deepEqual(rig.pageErrors, []);
});

test('the system administrator reads the audit trail and imports next year\u2019s 放假通知', async () => {
  await rig.user('root', 'admin', null);
  const page = await open('root', '/audit');
  await page.getByRole('cell', { name: 'approver1' }).first().waitFor();
  const asked = page.waitForResponse((r) => r.url().includes('/api/audit?') && new URL(r.url()).searchParams.get('actor') === 'approver1');
  await page.getByLabel('操作人').fill('approver1');
  const filtered = (await (await asked).json()) as { items: { actor: string }[] };
  assert.ok(filtered.items.length > 0 && filtered.items.every((e) => e.actor === 'approver1'), 'the server filtered by the actor');
  await page
    .getByText(/报告正文/)
    .first()
    .waitFor();
  await rig.screenshot(page, 'audit');

  const next = DEMO.year + 3;
  await page.goto(rig.url + '/calendar');
  await page.getByLabel('放假通知（每行：日期,休或班,名称）').fill(`${next}-01-01,休,元旦\n${next}-02-07,班,春节调休`);
  await page.getByRole('button', { name: /导\s*入/ }).click();
  await page.getByText(`已导入${next}年的2个放假或调休日`).waitFor();
  await page.getByRole('cell', { name: '春节调休' }).waitFor();
  await rig.screenshot(page, 'calendar');
  assert.deepEqual(rig.pageErrors, []);
});
