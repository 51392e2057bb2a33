// Acceptance on the real corpus (issue 13): a reviewer uploads the corpus PDFs through the
// console and sees hzq2023's published table 四 (table C) error — 行政复议 and 复议后起诉 totals
// of 0 against groups adding up to 11 and 5 — with its cells boxed on page 4 as pdf.js draws it.
// Skipped, saying why, only where ../shared is not on the machine.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { adminActor, createAgency } from '../../src/register/index.ts';
import { type BrowserRig, startRig } from '../../src/testing/browser.ts';
import { drawnBoxes, uploadToNewBatch } from '../../src/testing/review-browser.ts';
import { hasShared, SHARED } from './shared.ts';

const corpus = resolve(SHARED, 'corpus');
const skip = hasShared() ? false : `${SHARED} (seeds/, corpus/) is not present on this machine: the corpus is not uploaded`;
if (skip) console.log(`review browser acceptance NOT RUN: ${skip}`);

let rig: BrowserRig;
before(async () => {
  if (skip) return;
  rig = await startRig();
  const agency = await createAgency(rig.db, adminActor('test'), { name: '淮安市人民政府办公室' });
  await rig.user('reviewer1', 'reviewer', agency.id);
});
after(() => rig?.close());

test("the corpus PDFs uploaded: hzq2023's table C finding with its cells boxed on the page image", { skip }, async () => {
  const pdfs = readdirSync(corpus)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort();
  assert.ok(pdfs.includes('hzq2023.pdf'), 'the corpus holds hzq2023.pdf');
  const page = await rig.login('reviewer1');
  const batchId = await uploadToNewBatch(
    page,
    '语料年报审查',
    pdfs.map((name) => ({ name, buffer: readFileSync(resolve(corpus, name)) })),
    pdfs.length,
  );
  const { rows } = await rig.db.query<{ id: number; status: string }>(
    "select id, status from review_reports where batch_id = $1 and file_name = 'hzq2023.pdf'",
    [batchId],
  );
  assert.equal(rows[0]?.status, 'read');
  await page.getByRole('link', { name: 'hzq2023.pdf' }).click();
  await page.waitForURL(new RegExp(`/review/reports/${rows[0]!.id}`));
  // The published error: 行政复议's 总计 is 0 where its four results add up to 11 (test/real/corpus.test.ts).
  const issues = await rig.db.query<{ id: number; keys: string[] }>(
    "select id, keys from review_issues where report_id = $1 and rule = 'c-group-sum' and present order by id",
    [rows[0]!.id],
  );
  const review = issues.rows.find((i) => i.keys[0] === 'c.review.total');
  assert.ok(review, JSON.stringify(issues.rows));
  await page.locator(`li[data-issue="${review.id}"]`).getByRole('button', { pressed: false }).first().click();
  await page.waitForURL(/keys=/);
  await page.locator('.gk-cell-box').first().waitFor();
  await page.waitForFunction(() => document.querySelector('canvas[data-page]')?.getAttribute('data-page') === '4');
  const drawn = await drawnBoxes(page);
  assert.equal(drawn.page, 4);
  assert.ok(drawn.ink > 5000, `the page is drawn (${drawn.ink} dark pixels)`);
  assert.deepEqual(drawn.boxes.map((b) => b.key).sort(), [...review.keys].sort(), 'every cell of the finding is boxed on page 4');
  for (const box of drawn.boxes) {
    assert.ok(box.inside, `${box.key} lies on the page`);
    assert.ok(box.ink > 0, `${box.key}: the figure printed in the cell lies under its box`);
  }
  await rig.screenshot(page, 'review-corpus-hzq2023');
  assert.deepEqual(rig.pageErrors, []);
});
