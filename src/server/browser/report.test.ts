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
  await rig.screenshot(page, 'report');
  assert.deepEqual(rig.pageErrors, []);
});
