// The workbench in Chromium: login (wrong password refused with the server's message), the
// one-time password flow, the menu by role, logout.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAgency, adminActor } from '../../register/index.ts';
import { createUser } from '../accounts.ts';
import { type BrowserRig, startRig, TEST_PASSWORD } from '../../testing/browser.ts';

let rig: BrowserRig;
let agencyId: number;

before(async () => {
  rig = await startRig();
  agencyId = (await createAgency(rig.db, adminActor('test'), { name: '某区人民政府', parentId: null })).id;
});
after(() => rig?.close());

test('a wrong password is refused with the server message; the right one opens the workbench', async () => {
  await rig.user('clerk1', 'clerk', agencyId);
  const page = await rig.page();
  await page.goto(rig.url + '/');
  await rig.screenshot(page, 'login');
  await page.getByLabel('用户名').fill('clerk1');
  await page.getByLabel('密码').fill('wrong password here');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('alert').filter({ hasText: /密码/ }).waitFor();
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await menu.waitFor();
  assert.ok(await menu.getByRole('link', { name: '依申请公开台账' }).isVisible());
  // 用户管理 is for administrators only.
  assert.equal(await menu.getByRole('link', { name: '用户管理' }).count(), 0);
  await page.getByRole('button', { name: /退\s*出/ }).click();
  await page.getByLabel('用户名').waitFor();
  assert.deepEqual(rig.pageErrors, []);
});

test('a user on a one-time password must set a new one before anything else', async () => {
  const { password } = await createUser(rig.db, 'test', { username: 'admin1', role: 'admin', agencyId });
  assert.ok(password);
  const page = await rig.page();
  await page.goto(rig.url + '/');
  await page.getByLabel('用户名').fill('admin1');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('您使用的是一次性密码，请先设置新密码').waitFor();
  assert.equal(await page.getByRole('navigation', { name: '主菜单' }).count(), 0);
  await page.getByLabel('当前密码').fill(password);
  await page.getByLabel('新密码', { exact: true }).fill('a much better password');
  await page.getByLabel('再次输入新密码').fill('a much better password');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await menu.waitFor();
  assert.ok(await menu.getByRole('link', { name: '用户管理' }).isVisible());
  assert.deepEqual(rig.pageErrors, []);
});
