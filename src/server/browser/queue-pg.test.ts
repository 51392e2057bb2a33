// The 采集队列 page on a PostgreSQL server with the collection queue (pg-boss): jobs waiting, a
// dead letter with its reason and the stored results by reader version are shown, and the
// collected reports are added to a review batch from the page. Needs a server: run by
// `npm run test:pg` (GONGKAI_TEST_PG); without one the test is skipped saying so.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import type PgBoss from 'pg-boss';
import { enqueueCollect, openBoss, QUEUES, READER_VERSION } from '../../queue/index.ts';
import { adminActor, createAgency } from '../../register/index.ts';
import { renderHtml } from '../../render/index.ts';
import { type BrowserRig, startRig } from '../../testing/browser.ts';
import { serverTestDatabase } from '../../testing/db.ts';
import { randomReport } from '../../testing/random-report.ts';

const server = process.env.GONGKAI_TEST_PG;
const skip = server ? false : '需要 PostgreSQL 服务器：用 npm run test:pg 运行（设置 GONGKAI_TEST_PG）';
const AGENCY = '西岭区交通运输局';
const URL_OF_REPORT = 'https://www.xiling.gov.cn/zfxxgk/ndbg/2024.html';

let rig: BrowserRig | undefined;
let boss: PgBoss | undefined;

before(async () => {
  if (!server) return;
  const { db, url } = await serverTestDatabase(server);
  rig = await startRig({ db, reviewOptions: { queueUrl: url } });
  const government = await createAgency(db, adminActor('test'), { name: '西岭区人民政府' });
  await rig.user('rev-pg', 'reviewer', government.id);

  // Two sites waiting to be collected, and one job that failed every attempt.
  boss = await openBoss(url);
  assert.equal(
    await enqueueCollect(boss, [{ url: 'https://www.xiling.gov.cn/zfxxgk/ndbg/' }, { url: 'https://jt.xiling.gov.cn/ndbg/', year: 2024 }]),
    2,
  );
  await boss.send(QUEUES.dead, { url: 'https://down.xiling.gov.cn/ndbg/' });
  const [dead] = await boss.fetch<{ url: string }>(QUEUES.dead);
  assert.ok(dead, 'the dead letter is fetched');
  await boss.fail(QUEUES.dead, dead.id, { message: '连接超时（已重试3次）' });

  // One collected report read by this reader version, and one document that is not a report.
  const report = randomReport(61, { format: '2021' });
  const title = `${AGENCY}2024年政府信息公开工作年度报告`;
  const page = new TextEncoder().encode(renderHtml({ ...report, meta: { ...report.meta, agency: AGENCY, year: 2024, title, date: '2025-01-20' } }));
  const hash = createHash('sha256').update(page).digest('hex');
  const junk = createHash('sha256').update('junk').digest('hex');
  await db.transaction('collect', async (tx) => {
    await tx.query('insert into crawl_blobs (sha256, size, content) values ($1, $2, $3)', [hash, page.length, page]);
    await tx.query(
      `insert into crawl_documents (url, kind, agency_level, stated_date, sha256, fetched_at, first_seen, last_seen)
       values ($1, 'page', 'department', '2025-01-20', $2, now(), now(), now())`,
      [URL_OF_REPORT, hash],
    );
    await tx.query('insert into analysis_results (sha256, reader_version, url, agency, year, ok) values ($1, $2, $3, $4, 2024, true)', [
      hash,
      READER_VERSION,
      URL_OF_REPORT,
      AGENCY,
    ]);
    await tx.query("insert into crawl_blobs (sha256, size, content) values ($1, 4, 'junk')", [junk]);
    await tx.query('insert into analysis_results (sha256, reader_version, year, ok) values ($1, $2, 2024, false)', [junk, READER_VERSION]);
  });
});

after(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await rig?.close();
});

test(
  'the queue page on PostgreSQL: jobs waiting, the dead letter and its reason, results by reader version; collected reports added to a batch',
  { skip },
  async () => {
    const r = rig as BrowserRig;
    const page = await r.login('rev-pg');
    const cookies = await page.context().cookies();
    const token = decodeURIComponent(cookies.find((c) => c.name === 'gk_csrf')?.value ?? '');
    const created = await page.request.post(`${r.url}/api/review/batches`, {
      headers: { 'X-CSRF-Token': token },
      data: { name: '采集的年报', year: 2024 },
    });
    assert.equal(created.status(), 201, await created.text());
    const batchId = ((await created.json()) as { id: number }).id;

    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '采集队列' }).click();
    const statistic = (title: string) =>
      page
        .locator('.ant-statistic')
        .filter({ hasText: `${title}（个）` })
        .locator('.ant-statistic-content-value');
    await statistic('等待').getByText('2', { exact: true }).waitFor();
    assert.equal((await statistic('死信').innerText()).trim(), '1');
    assert.equal((await statistic('已存结果').innerText()).trim(), '2');

    const jobs = page.getByRole('table', { name: '各队列任务数' });
    const collect = jobs.getByRole('row').filter({ hasText: '采集网站' });
    assert.equal((await collect.getByRole('cell').nth(1).innerText()).trim(), '2', 'two collect jobs waiting');
    const deadLetters = page.getByRole('table', { name: '死信' });
    await deadLetters.getByText('连接超时（已重试3次）').waitFor();
    await deadLetters.getByText('https://down.xiling.gov.cn/ndbg/').waitFor();
    const results = page.getByRole('table', { name: '已存结果' }).getByRole('row').filter({ hasText: READER_VERSION });
    assert.deepEqual(
      (await results.getByRole('cell').allInnerTexts()).map((t) => t.trim()),
      [READER_VERSION, '1', '1'],
    );
    await page.getByText(/每3秒自动刷新/).waitFor();
    await r.screenshot(page, 'review-queue-postgres');

    // The readable collected report goes into the batch, and is read there.
    await page.getByLabel('加入的审阅批次').click();
    await page.getByTitle('采集的年报').click();
    await page.getByRole('button', { name: '将采集结果加入批次' }).click();
    await page.getByText('已加入1份报告，正在读取').waitFor();
    for (let i = 0; ; i++) {
      const reports = (await (await page.request.get(`${r.url}/api/review/batches/${batchId}/reports`)).json()) as {
        status: string;
        agency: string;
      }[];
      if (reports.length === 1 && reports[0]?.status !== 'pending') {
        assert.deepEqual(
          reports.map((x) => [x.status, x.agency]),
          [['read', AGENCY]],
        );
        break;
      }
      assert.ok(i < 600, 'the collected report is read within a minute');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(r.pageErrors, []);
  },
);
