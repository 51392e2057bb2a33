import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../db/index.ts';
import { testDatabase } from '../testing/db.ts';
import { collect } from './crawl.ts';
import { Fetcher } from './fetcher.ts';
import { type FixtureSites, startFixtureSites } from './fixture-sites.ts';
import { sweep } from './sweep.ts';

let sites: FixtureSites;
let db: Database;

before(async () => {
  sites = await startFixtureSites({ slowMs: 1500, largeBytes: 300_000 });
  db = await testDatabase();
});
after(async () => {
  await db.close();
  await sites.close();
});

const fetcher = () => new Fetcher({ perHostIntervalMs: 40, backoffMs: 20, retries: 3, timeoutMs: 300, maxBytes: 200_000 });

interface Row {
  url: string;
  kind: string;
  title: string | null;
  agency_guess: string | null;
  agency_level: string | null;
  year_guess: number | null;
  stated_date: string | null;
  status: number | null;
  sha256: string | null;
  error: string | null;
  headers: Record<string, string>;
}

async function documents(): Promise<Map<string, Row>> {
  const rows = (await db.query<Row>('select * from crawl_documents')).rows;
  return new Map(rows.map((r) => [new URL(r.url).pathname, r]));
}

test('collect: two CMS styles, GBK, robots.txt, a 500 that recovers, a slow host, a size cap, a redirect', async () => {
  const f = fetcher();
  const summary = await collect(db, f, [
    `${sites.trs.origin}/old/ndbg/`,
    `${sites.gbk.origin}/col/col123/index.html`,
    `${sites.slow.origin}/art/1.html`,
  ]);
  await f.close();
  const docs = await documents();

  // TRS listing reached through a redirect, its second page from createPageHTML, the 通知 skipped.
  assert.ok(docs.get('/old/ndbg/')?.kind === 'listing');
  assert.ok(docs.has('/xxgk/ndbg/index_1.html'));
  assert.equal(docs.has('/xxgk/ndbg/202401/t20240105_9.html'), false, 'a notice about reports is not a report');
  // robots.txt forbids /private/: never requested.
  assert.equal(sites.trs.requests.filter((r) => r.path.startsWith('/private/')).length, 0);
  assert.match(summary.failures.find((x) => x.url.includes('/private/'))?.reason ?? '', /robots\.txt/);
  // The 500 recovered on the third request; the page and its DOCX were stored with their guesses.
  assert.equal(sites.trs.requests.filter((r) => r.path === '/xxgk/ndbg/202401/t20240120_1.html').length, 3);
  const page = docs.get('/xxgk/ndbg/202401/t20240120_1.html') as Row;
  assert.equal(page.status, 200);
  assert.equal(page.agency_guess, '北京市财政局');
  assert.equal(page.agency_level, 'department');
  assert.equal(page.year_guess, 2023);
  assert.equal(page.stated_date, '2024-01-20');
  const docx = docs.get('/xxgk/ndbg/202401/P020240120_report.docx') as Row;
  assert.equal(docx.kind, 'attachment');
  assert.match(docx.sha256 ?? '', /^[0-9a-f]{64}$/);
  assert.match(docx.headers['content-type'] ?? '', /wordprocessingml/);
  assert.equal(docx.year_guess, 2023);
  const blob = (await db.query<{ size: number }>('select size from crawl_blobs where sha256 = $1', [docx.sha256])).rows[0];
  assert.ok((blob?.size ?? 0) > 1000);
  // Over the size cap: recorded as a failure without bytes.
  const big = docs.get('/xxgk/ndbg/202401/P020240120_big.pdf') as Row;
  assert.equal(big.sha256, null);
  assert.match(big.error ?? '', /文件过大/);
  // GBK pages decoded: titles, agency (a government), dates in 年月日, the 下一页 page followed.
  const county = docs.get('/art/2024/3/28/art_123_1.html') as Row;
  assert.equal(county.agency_guess, '某某县人民政府');
  assert.equal(county.agency_level, 'government');
  assert.equal(county.stated_date, '2024-03-28');
  const county2022 = docs.get('/art/2023/4/20/art_123_0.html') as Row;
  assert.equal(county2022.title, '某某县人民政府2022年政府信息公开工作年报');
  assert.equal(county2022.stated_date, '2023-04-20');
  // The slow host timed out on every attempt (1 + 3 retries), and did not hold up the others.
  assert.match(summary.failures.find((x) => x.url.startsWith(sites.slow.origin))?.reason ?? '', /超时/);
  assert.equal(sites.slow.requests.filter((r) => r.path === '/art/1.html').length, 4);
  assert.equal(summary.changedDocuments, 0);
  // At most one request per interval per host.
  for (const site of [sites.trs, sites.gbk]) {
    const times = site.requests.map((r) => r.at).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) assert.ok((times[i] as number) - (times[i - 1] as number) >= 35, `requests ${i - 1} and ${i} too close`);
  }
});

test('sweep: published late by the stated date; a report edited after publication on the second sweep', async () => {
  const first = await sweep(db);
  const late = (
    await db.query<{ url: string; message: string }>(
      `select d.url, f.message from crawl_flags f join crawl_documents d on d.id = f.document_id where f.kind = 'published_late'`,
    )
  ).rows;
  const latePaths = late.map((r) => new URL(r.url).pathname).sort();
  // 2022 department report dated 2023-02-15 (> 31 Jan) and its PDF; the county's 2022 report dated 20 Apr (> 31 Mar).
  assert.deepEqual(latePaths, ['/art/2023/4/20/art_123_0.html', '/xxgk/ndbg/202302/P020230215.pdf', '/xxgk/ndbg/202302/t20230215_3.html']);
  assert.match(late.find((r) => r.url.endsWith('t20230215_3.html'))?.message ?? '', /2023-02-15 晚于法定期限 2023-01-31/);
  assert.equal(first.changed, 0);

  sites.editReport();
  const f = fetcher();
  const summary = await collect(db, f, [`${sites.trs.origin}/xxgk/ndbg/index.html`], { year: 2023 });
  await f.close();
  assert.equal(summary.changedDocuments, 1);
  assert.equal(summary.pages, 1, '--year 2023 skips the 2022 report');
  const second = await sweep(db);
  assert.equal(second.changed, 1);
  assert.equal(second.late, 0);
  const flag = (
    await db.query<{ url: string; message: string }>(
      `select d.url, f.message from crawl_flags f join crawl_documents d on d.id = f.document_id where f.kind = 'changed_after_publication'`,
    )
  ).rows;
  assert.equal(flag.length, 1);
  assert.ok(flag[0]?.url.endsWith('P020240120_report.docx'));
  assert.match(flag[0]?.message ?? '', /^发布后修改/);
  const versions = (
    await db.query<{ n: number }>(
      `select count(*)::int as n from crawl_versions v join crawl_documents d on d.id = v.document_id where d.url like '%report.docx'`,
    )
  ).rows[0];
  assert.equal(versions?.n, 2);
  assert.deepEqual(await sweep(db), { changed: 0, late: 0 }, 'a sweep flags nothing twice');
});
