// The register in Chromium: a clerk registers an application through the form (its applicant's
// name is markup, which must show as text), takes it through 补正; the approver extends and
// answers it (the clerk is refused); the deadline and its explanation are on the case page and
// the dashboard; a user of another agency cannot open the case.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { addDays, type WorkCalendar } from '../../calendar/index.ts';
import { adminActor, createAgency, loadCalendar } from '../../register/index.ts';
import { type BrowserRig, startRig } from '../../testing/browser.ts';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const NAME = `张三${HOSTILE}`;

let rig: BrowserRig;
let calendar: WorkCalendar;
const dialogs: string[] = [];
let caseUrl = '';

function todayCst(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The working day `n` working days before (negative) or after `day`. */
function workingDays(day: string, n: number): string {
  let d = day;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, Math.sign(n));
    if (calendar.isWorking(d)) left--;
  }
  return d;
}

/** antd puts a space between the two characters of a two-character button label. */
function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

async function login(username: string): Promise<Page> {
  const page = await rig.login(username);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return page;
}

/** Types a day into an antd DatePicker labelled `name` and leaves it with Tab (Enter would submit the form). */
async function fillDay(scope: Page, name: string, day: string): Promise<void> {
  const field = scope.getByLabel(name, { exact: true });
  await field.click();
  await field.fill(day);
  await field.press('Tab');
  assert.equal(await field.inputValue(), day);
}

/** Opens a lifecycle step's modal, fills it and submits it (with 确定, or Enter in its last field when `enter`); returns the dialog. */
async function step(page: Page, button: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>, enter = false) {
  await page.getByRole('button', { name: label(button) }).click();
  const dialog = page.getByRole('dialog', { name: button });
  await dialog.waitFor();
  await fill(dialog);
  if (enter) await page.keyboard.press('Enter');
  else await dialog.getByRole('button', { name: label('确定') }).click();
  return dialog;
}

before(async () => {
  rig = await startRig();
  calendar = await loadCalendar(rig.db);
  const agency = await createAgency(rig.db, adminActor('test'), { name: '某市医疗保障局', parentId: null });
  const other = await createAgency(rig.db, adminActor('test'), { name: '某市交通运输局', parentId: null });
  await rig.user('clerk', 'clerk', agency.id);
  await rig.user('approver', 'approver', agency.id);
  await rig.user('outsider', 'clerk', other.id);
});
after(() => rig?.close());

test('a clerk registers an application through the form; markup in a field is shown as text', async () => {
  const page = await login('clerk');
  await page.getByRole('link', { name: '依申请公开台账' }).click();
  await page.getByRole('button', { name: '登记申请' }).click();
  await page.getByText('登记政府信息公开申请').waitFor();
  // Nothing typed: the form says in Chinese what is missing.
  await page.getByRole('button', { name: label('登记') }).click();
  await page.getByText('请填写申请人姓名或名称').waitFor();
  await page.getByText('请填写申请公开的政府信息内容').waitFor();
  await rig.screenshot(page, 'register-new-application');

  const received = workingDays(todayCst(), -18);
  await page.getByLabel('申请人姓名或名称').fill(NAME);
  await page.getByLabel('联系方式').fill('13812345678');
  await fillDay(page, '提交日期', received);
  await page.getByLabel('申请内容').fill('2025年度医疗保障基金使用情况');
  // Enter in a field submits the form.
  await page.getByLabel('编号').fill('医保依申〔2026〕1号');
  await page.getByLabel('编号').press('Enter');

  await page.getByRole('heading', { name: '申请 医保依申〔2026〕1号' }).waitFor();
  caseUrl = page.url();
  assert.match(caseUrl, /\/applications\/\d+$/);
  // The name is text: the markup is on the page as characters, and no element came of it.
  await page.getByText(NAME, { exact: true }).waitFor();
  assert.equal(await page.locator('main img[src="x"]').count(), 0);
  assert.equal(await page.locator('main script').count(), 0);
  const explanation = page.getByLabel('答复期限及计算说明');
  await explanation.getByText(/收到申请，当面提交之日/).waitFor();
  await explanation.getByText(/法定期限20个工作日/).waitFor();

  // The register lists it, with its deadline.
  await page.getByRole('link', { name: '依申请公开台账' }).click();
  const row = page.getByRole('row').filter({ hasText: '医保依申〔2026〕1号' });
  await row.waitFor();
  assert.ok((await row.textContent())?.includes(HOSTILE));
  await row.getByText(/剩余\d+个工作日|今日到期/).waitFor();
  await rig.screenshot(page, 'register-applications');
  // Searching: SQL and LIKE metacharacters are searched for as typed.
  const search = page.getByLabel('搜索编号、申请人或申请内容');
  await search.fill("%'; drop table applications; --");
  await search.press('Enter');
  await page.getByText('没有符合条件的申请').waitFor();
  await search.fill('医疗保障基金');
  await search.press('Enter');
  await row.waitFor();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(rig.pageErrors, []);
});

test('补正 and extension to an answer: the deadline explained on the case page and the dashboard', async () => {
  assert.ok(caseUrl, 'the first test registered the case');
  const received = workingDays(todayCst(), -18);
  const clerk = await login('clerk');
  await clerk.goto(caseUrl);
  await clerk.getByRole('heading', { name: /医保依申/ }).waitFor();

  await step(clerk, '补正告知', async (dialog) => {
    // The modal's first field has the focus.
    assert.equal(await dialog.getByLabel('日期', { exact: true }).evaluate((el) => el === document.activeElement), true);
    await fillDay(clerk, '日期', workingDays(received, 1));
    await dialog.getByLabel('需补正的内容').fill('请写明所需信息的时间范围');
  });
  await clerk.getByRole('dialog').waitFor({ state: 'detached' });
  await clerk.getByText('待补正').first().waitFor();

  // Keyboard only: the date typed into the focused first field, Enter submits.
  await step(
    clerk,
    '收到补正',
    async () => {
      await clerk.keyboard.press('Control+A');
      await clerk.keyboard.type(workingDays(received, 2));
    },
    true,
  );
  await clerk.getByRole('dialog').waitFor({ state: 'detached' });
  const explanation = clerk.getByLabel('答复期限及计算说明');
  await explanation.getByText(/收到补正后的申请/).waitFor();
  const due = workingDays(workingDays(received, 2), 20);
  const [y, m, d] = due.split('-').map(Number);
  await explanation.getByText(`答复期限：${y}年${m}月${d}日`, { exact: false }).first().waitFor();

  // A clerk may not extend: the server's refusal is shown in the form.
  const refused = await step(clerk, '延长答复期限', async () => {
    await fillDay(clerk, '日期', todayCst());
  });
  await refused.getByText(/只有审核人或管理员可以进行此操作/).waitFor();
  await refused.press('Escape');
  await refused.waitFor({ state: 'detached' });

  // The dashboard lists the case as due soon, with its deadline and how it was computed.
  await clerk.getByRole('link', { name: '工作台' }).click();
  const soon = clerk.getByRole('table', { name: '即将到期的申请' });
  const row = soon.getByRole('row').filter({ hasText: '医保依申〔2026〕1号' });
  await row.waitFor();
  await row.getByText(/收到补正后的申请/).waitFor();
  await row.getByText(/法定期限20个工作日/).waitFor();
  await row.getByText(/剩余\d+个工作日|今日到期/).waitFor();
  await clerk.getByRole('img', { name: /各月收到和办结的申请/ }).waitFor();
  await rig.screenshot(clerk, 'register-dashboard');

  // The approver extends and answers.
  const approver = await login('approver');
  await approver.goto(caseUrl);
  await step(approver, '延长答复期限', async (dialog) => {
    await fillDay(approver, '日期', todayCst());
    await dialog.getByLabel('批准人').fill('李主任');
  });
  await approver.getByRole('dialog').waitFor({ state: 'detached' });
  const extended = approver.getByLabel('答复期限及计算说明');
  await extended.getByText(/经批准延长20个工作日，共40个工作日/).waitFor();
  await approver.getByRole('list').getByText('批准人：李主任').waitFor();
  await rig.screenshot(approver, 'register-case');

  await step(approver, '答复', async (dialog) => {
    await fillDay(approver, '日期', todayCst());
    // The outcome by keyboard: typed into the select's search, chosen with Enter.
    await dialog.getByLabel('办理结果').click();
    await dialog.getByLabel('办理结果').pressSequentially('予以公开');
    await dialog.getByLabel('办理结果').press('Enter');
  });
  await approver.getByRole('dialog').waitFor({ state: 'detached' });
  await approver.getByText('已办结').first().waitFor();
  await approver
    .getByText(/办理结果：（一）予以公开/)
    .first()
    .waitFor();
  await approver.getByRole('tab', { name: '操作记录' }).click();
  await approver.getByRole('table', { name: '操作记录' }).getByText(/答复/).first().waitFor();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(rig.pageErrors, []);
});

test('the answer letter is previewed, issued as a frozen version and downloaded as a DOCX naming the applicant', async () => {
  assert.ok(caseUrl);
  const page = await login('approver');
  await page.goto(caseUrl);
  await page.getByRole('tab', { name: '文书' }).click();
  await page.getByRole('button', { name: '预览政府信息公开申请答复书' }).click();
  const preview = page.getByRole('dialog', { name: /政府信息公开申请答复书/ });
  const article = preview.getByRole('article', { name: '文书预览' });
  await article.getByText(/法律依据：.*第三十六条/).waitFor();
  // The applicant's name is in the letter as text, markup and all.
  assert.ok((await article.textContent())?.includes(NAME));
  await preview.getByRole('button', { name: '生成并签发' }).click();
  await preview.waitFor({ state: 'detached' });
  const issued = page.getByRole('table', { name: '已签发的文书' }).getByRole('row').filter({ hasText: '政府信息公开申请答复书' });
  await issued.getByText('第1版').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    issued.getByRole('button', { name: /下载政府信息公开申请答复书第1版/ }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.docx$/);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
  assert.ok(xml.includes('张三'), 'the applicant is named');
  // Escaped as XML text, not a tag.
  assert.ok(xml.includes('&lt;script&gt;alert(2)&lt;/script&gt;'));
  assert.ok(!xml.includes('<script>'));

  // An attachment: uploaded with a note, listed, downloadable.
  await page.getByRole('tab', { name: '附件' }).click();
  await page.getByLabel('附件说明').fill('申请书扫描件');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '上传附件' }).click()]);
  await chooser.setFiles({ name: '申请书.txt', mimeType: 'text/plain', buffer: Buffer.from('申请人：张三\n') });
  const row = page.getByRole('table', { name: '附件列表' }).getByRole('row').filter({ hasText: '申请书.txt' });
  await row.getByText('申请书扫描件').waitFor();
  await page.getByRole('tab', { name: '文书' }).click();
  await rig.screenshot(page, 'register-case-closed');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(rig.pageErrors, []);
});

test('a user of another agency opening the case sees that it is not there, not the case', async () => {
  assert.ok(caseUrl);
  const page = await login('outsider');
  await page.goto(caseUrl);
  await page.getByText(/找不到该申请|无权查看该申请/).waitFor();
  assert.equal(await page.getByText('2025年度医疗保障基金使用情况').count(), 0);
  assert.equal(await page.getByText(HOSTILE).count(), 0);
  assert.deepEqual(dialogs, []);
});
