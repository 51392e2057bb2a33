import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { zipSync } from 'fflate';
import { adminActor, createAgency } from '../register/index.ts';
import { renderDocx, renderHtml, renderMarkdown, renderPdf } from '../render/index.ts';
import type { Report } from '../report/index.ts';
import { type Client, type TestServer, withServer } from '../server/test-server.ts';
import { randomReport } from '../testing/random-report.ts';
import { ReviewReader } from './reader.ts';
import { ReviewRuntime } from './runtime.ts';
import { storeFiles } from './store.ts';

// One server and database for the file: reading reports is the slow part.
let server: TestServer;
let closed: () => void;
const ready = new Promise<void>((resolve) => {
  before(
    () =>
      new Promise<void>((started) => {
        void withServer(async (t) => {
          server = t;
          started();
          await new Promise<void>((done) => (closed = done));
        });
        resolve();
      }),
  );
});
after(() => closed?.());

/** A generated report of an agency and year (2021 format, every identity holding). */
export function reportOf(seed: number, agency: string, year: number): Report {
  const r = randomReport(seed, { format: '2021' });
  return { ...r, meta: { ...r.meta, agency, year, title: `${agency}${year}年政府信息公开工作年度报告`, date: `${year + 1}-01-20` } };
}

/** The report with one cell's value changed (its identities broken). */
export function doctored(report: Report, key: string, delta: number): Report {
  const cell = report.cells[key] as Report['cells'][string];
  const value = (cell.value ?? 0) + delta;
  return { ...report, cells: { ...report.cells, [key]: { ...cell, value, raw: String(value) } } };
}

export function filesForm(files: [string, Uint8Array | string][]): FormData {
  const form = new FormData();
  for (const [name, bytes] of files) form.append('files', new Blob([bytes as BlobPart]), name);
  return form;
}

/** Polls a batch until nothing in it is pending. */
export async function readAll(client: Client, batchId: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const batch = await client.get(`/api/review/batches/${batchId}`);
    if (batch.body.reports.pending === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('reading did not finish');
}

test('review: upload files and a zip, read in the background, detail with provenance, scope', async () => {
  await ready;
  const t = server;
  const gov = await createAgency(t.db, adminActor('test'), { name: '东湖区人民政府' });
  const city = await createAgency(t.db, adminActor('test'), { name: '临江市人民政府' });
  const reviewer = await t.as('rev1', 'reviewer', gov.id);
  const stranger = await t.as('rev2', 'reviewer', city.id);
  const clerk = await t.as('clerk1', 'clerk', gov.id);

  const created = await reviewer.post('/api/review/batches', { name: '2024年度区级部门年报审查', year: 2024 });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const batchId = created.body.id;
  assert.equal(created.body.ownerAgencyId, gov.id);

  const civil = reportOf(1, '东湖区民政局', 2024);
  const broken = doctored(reportOf(2, '东湖区司法局', 2024), 'b.new.total', 3);
  const edu = reportOf(3, '东湖区教育局', 2024);
  const zip = zipSync({ '部门/东湖区教育局.docx': await renderDocx(edu), '部门/东湖区司法局.md': new TextEncoder().encode(renderMarkdown(broken)) });
  const upload = await reviewer.request('POST', `/api/review/batches/${batchId}/files`, {
    body: filesForm([
      ['东湖区民政局.html', renderHtml(civil)],
      ['年报.zip', zip],
      ['again.html', renderHtml(civil)],
    ]),
  });
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  assert.deepEqual(
    upload.body.added.map((r: { fileName: string }) => r.fileName),
    ['东湖区民政局.html', '年报.zip/部门/东湖区教育局.docx', '年报.zip/部门/东湖区司法局.md'],
  );
  assert.deepEqual(upload.body.skipped, [{ name: 'again.html', reason: '已在本批次中' }]);

  await readAll(reviewer, batchId);
  const list = await reviewer.get(`/api/review/batches/${batchId}/reports`);
  assert.equal(list.status, 200);
  assert.deepEqual(
    list.body.map((r: { status: string; agency: string }) => [r.status, r.agency]),
    [
      ['read', '东湖区民政局'],
      ['read', '东湖区教育局'],
      ['read', '东湖区司法局'],
    ],
  );
  const justice = list.body[2];
  assert.ok(justice.errors > 0, 'the doctored table is an error');
  const withFindings = await reviewer.get(`/api/review/batches/${batchId}/reports?hasFindings=1`);
  assert.ok(withFindings.body.some((r: { id: number }) => r.id === justice.id));

  const detail = await reviewer.get(`/api/review/reports/${list.body[0].id}`);
  assert.equal(detail.status, 200, JSON.stringify(detail.body));
  assert.equal(detail.body.view, 'html');
  const cell = detail.body.cells.find((c: { key: string }) => c.key === 'b.new.total');
  assert.equal(cell.value, civil.cells['b.new.total']?.value);
  assert.equal(cell.read.source.table > 0 && cell.read.source.row > 0 && cell.read.source.cell > 0, true, JSON.stringify(cell.read));
  assert.match(cell.table, /表三/);
  assert.match(cell.row, /本年新收/);
  assert.equal(cell.column, '总计');

  const broke = await reviewer.get(`/api/review/reports/${justice.id}`);
  const issue = broke.body.issues.find((i: { rule: string }) => i.rule === 'b-balance');
  assert.ok(issue, JSON.stringify(broke.body.issues));
  assert.equal(issue.status, 'open');
  assert.equal(issue.present, true);

  const source = await reviewer.bytes(`/api/review/reports/${list.body[0].id}/source`);
  assert.equal(source.status, 200);
  assert.match(source.headers.get('content-disposition') ?? '', /^attachment/);
  assert.equal(new TextDecoder().decode(source.bytes), renderHtml(civil));

  // Another level's reviewer: not found; agency staff: forbidden.
  assert.equal((await stranger.get(`/api/review/batches/${batchId}`)).status, 404);
  assert.equal((await stranger.get(`/api/review/reports/${justice.id}`)).status, 404);
  assert.deepEqual((await stranger.get('/api/review/batches')).body, []);
  assert.equal((await clerk.get('/api/review/batches')).status, 403);
  assert.equal((await clerk.get(`/api/review/reports/${justice.id}`)).status, 403);

  const batch = await reviewer.get(`/api/review/batches/${batchId}`);
  assert.deepEqual(batch.body.reports, { total: 3, pending: 0, read: 3, unreadable: 0 });
  assert.ok(batch.body.issues.open > 0);
});

async function reviewerOf(name: string): Promise<{ client: Client; agencyId: number }> {
  const agency = await createAgency(server.db, adminActor('test'), { name: `${name}人民政府` });
  return { client: await server.as(name, 'reviewer', agency.id), agencyId: agency.id };
}

async function newBatch(client: Client, files: [string, Uint8Array | string][]): Promise<{ batchId: number; ids: number[]; skipped: unknown[] }> {
  const batchId = (await client.post('/api/review/batches', { name: '测试批次' })).body.id;
  const upload = await client.request('POST', `/api/review/batches/${batchId}/files`, { body: filesForm(files) });
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  await readAll(client, batchId);
  return { batchId, ids: upload.body.added.map((r: { id: number }) => r.id), skipped: upload.body.skipped };
}

test('review: a correction re-runs the checks in one audited transaction; the finding vanishes and reappears; corrections are append-only', async () => {
  await ready;
  const { client } = await reviewerOf('南岭县');
  const original = reportOf(2, '南岭县司法局', 2024);
  const right = original.cells['b.new.total']?.value as number;
  const { ids } = await newBatch(client, [['司法局.html', renderHtml(doctored(original, 'b.new.total', 3))]]);
  const id = ids[0] as number;
  const before = await client.get(`/api/review/reports/${id}`);
  const issue = before.body.issues.find((i: { rule: string; keys: string[] }) => i.rule === 'b-balance' && i.keys.includes('b.new.total'));
  assert.ok(issue, JSON.stringify(before.body.issues));

  const refused = await client.post(`/api/review/reports/${id}/corrections`, { key: 'b.new.total', value: right, reason: '  ' });
  assert.equal(refused.status, 400);
  assert.equal((await client.post(`/api/review/reports/${id}/corrections`, { key: 'b.nothing.total', value: 1, reason: '误读' })).status, 400);

  const fixed = await client.post(`/api/review/reports/${id}/corrections`, { key: 'b.new.total', value: right, reason: '原文为扫描件，人工核对' });
  assert.equal(fixed.status, 201, JSON.stringify(fixed.body));
  const cell = fixed.body.cells.find((c: { key: string }) => c.key === 'b.new.total');
  assert.equal(cell.value, right);
  assert.equal(cell.read.value, right + 3, 'the value as read is kept');
  assert.equal(cell.corrected, true);
  assert.equal(fixed.body.correctionsLog.length, 1);
  assert.equal(fixed.body.correctionsLog[0].readValue, right + 3);
  assert.equal(fixed.body.correctionsLog[0].correctedBy, '南岭县');
  const gone = fixed.body.issues.find((i: { id: number }) => i.id === issue.id);
  assert.equal(gone.present, false);
  assert.equal(gone.status, 'open', 'the status is the workflow’s');
  assert.ok(!fixed.body.findings.some((f: { rule: string; keys?: string[] }) => f.rule === 'b-balance' && f.keys?.includes('b.new.total')));
  assert.ok(fixed.body.errors < before.body.errors);

  const again = await client.post(`/api/review/reports/${id}/corrections`, { key: 'b.new.total', value: right + 3, reason: '复核：原文如此' });
  const back = again.body.issues.find((i: { id: number }) => i.id === issue.id);
  assert.equal(back.present, true, 'the same issue reappears, not a new one');
  assert.equal(again.body.issues.filter((i: { rule: string; keys: string[] }) => i.rule === 'b-balance' && i.keys.includes('b.new.total')).length, 1);

  const audit = await server.db.query<{ actor: string }>("select actor from audit_log where table_name = 'review_corrections' and action = 'insert'");
  assert.ok(audit.rows.length >= 2 && audit.rows.every((r) => r.actor === '南岭县'));
  await assert.rejects(server.db.query('update review_corrections set value = 0 where report_id = $1', [id]), /只能追加/);
  await assert.rejects(server.db.query('delete from review_corrections where report_id = $1', [id]), /只能追加/);
});

test('review: the view of an uploaded page is script-free, marks the cell, and is served under a strict policy', async () => {
  await ready;
  const { client } = await reviewerOf('白河镇');
  const report = reportOf(5, '白河镇人民政府', 2024);
  const hostile = renderHtml(report)
    .replace(
      '<head>',
      '<head><script>alert("head")</script><link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=https://evil.example">',
    )
    .replace(
      /<body[^>]*>/,
      '$&<div onmouseover="steal()"><script>alert(1)</script><iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="p"></form><a href="javascript:alert(2)">链接</a><img src="https://evil.example/t.png" onerror="alert(3)"><svg onload="alert(4)"></svg><p style="background:\\75 rl(https://evil.example/y)">样式</p><p style="color:red;background:url(https://evil.example/z)">样式</p></div>',
    )
    .replace('<body', '<body onload="alert(5)"');
  const docx = reportOf(6, '白河镇教育办公室', 2024);
  const text = reportOf(7, '白河镇司法所', 2024);
  const { ids } = await newBatch(client, [
    ['镇政府.html', hostile],
    ['教育办.docx', await renderDocx(docx)],
    ['司法所.md', renderMarkdown(text)],
  ]);
  const [htmlId, docxId, textId] = ids as [number, number, number];
  const view = await client.request('GET', `/api/review/reports/${htmlId}/view?keys=b.new.total,c.review.corrected`);
  assert.equal(view.status, 200, String(view.body));
  assert.match(view.headers.get('content-type') ?? '', /^text\/html/);
  assert.equal(
    view.headers.get('content-security-policy')?.startsWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:"),
    true,
    view.headers.get('content-security-policy') ?? '',
  );
  const html = String(view.body);
  for (const bad of [
    /<script/i,
    /onload/i,
    /onerror/i,
    /onmouseover/i,
    /<iframe/i,
    /<form/i,
    /<input/i,
    /javascript:/i,
    /evil\.example/,
    /<svg/i,
    /<link/i,
    /http-equiv/i,
  ])
    assert.doesNotMatch(html, bad);
  const marked = /<mark class="gk-mark" data-key="b\.new\.total" id="gk-first">([^<]*)<\/mark>/.exec(html);
  assert.ok(marked, html.slice(0, 2000));
  assert.equal(Number(marked[1]), report.cells['b.new.total']?.value);
  assert.match(html, /data-key="c\.review\.corrected"/);

  const docView = String((await client.request('GET', `/api/review/reports/${docxId}/view?keys=b.new.total`)).body);
  const docMark = /<td class="gk-mark" data-key="b\.new\.total" id="gk-first"><mark class="gk-mark">([^<]*)<\/mark>/.exec(docView);
  assert.ok(docMark, docView.slice(0, 1500));
  assert.equal(Number(docMark[1]), docx.cells['b.new.total']?.value);

  const textView = await client.request('GET', `/api/review/reports/${textId}/view?keys=b.new.total`);
  assert.equal(textView.status, 200);
  assert.match(String(textView.body), /data-key="b\.new\.total"/);

  const detail = await client.get(`/api/review/reports/${docxId}`);
  assert.equal(detail.body.view, 'html');
});

test('review: aggregation by level equals the sums of the inputs; click-through; compare; queue on PGlite', async () => {
  await ready;
  const { client } = await reviewerOf('梅林');
  const reports = [
    reportOf(11, '梅林区人民政府', 2024),
    reportOf(12, '梅林区民政局', 2024),
    reportOf(13, '梅林区教育局', 2024),
    reportOf(14, '梅林区民政局', 2023),
  ];
  const { batchId, ids } = await newBatch(
    client,
    await Promise.all(
      reports.map(async (r, i): Promise<[string, Uint8Array | string]> =>
        i % 2 ? [`r${i}.html`, renderHtml(r)] : [`r${i}.docx`, await renderDocx(r)],
      ),
    ),
  );
  const agg = await client.get(`/api/review/batches/${batchId}/aggregate?by=level`);
  assert.equal(agg.status, 200, JSON.stringify(agg.body));
  assert.deepEqual(
    agg.body.groups.map((g: { name: string; reports: number }) => [g.name, g.reports]),
    [
      ['2023年·部门', 1],
      ['2024年·人民政府', 1],
      ['2024年·部门', 2],
    ],
  );
  const departments = agg.body.groups[2];
  for (const key of ['b.new.total', 'b.granted.natural', 'a.normative.in_force', 'c.review.total']) {
    const inputs = [reports[1], reports[2]].map((r) => r?.cells[key]?.value).filter((v): v is number => v !== null && v !== undefined);
    const total = departments.totals.find((t: { key: string }) => t.key === key);
    assert.equal(
      total.total,
      inputs.reduce((a, b) => a + b, 0),
      key,
    );
    assert.equal(total.reports, inputs.length);
  }
  assert.ok(departments.totals.find((t: { key: string; table: string }) => t.key === 'b.new.total').table.startsWith('表三'));
  const ranking = departments.rankings.applications;
  assert.deepEqual(
    ranking.map((r: { value: number }) => r.value),
    [reports[1], reports[2]].map((r) => r?.cells['b.new.total']?.value).sort((a, b) => (b as number) - (a as number)),
  );

  const cells = await client.get(`/api/review/batches/${batchId}/cells/b.new.total`);
  assert.equal(cells.status, 200);
  assert.equal(cells.body.length, 4);
  assert.ok(cells.body.every((c: { corrected: boolean }) => c.corrected === false));

  const compare = await client.get(`/api/review/compare?a=${ids[1]}&b=${ids[3]}`);
  assert.equal(compare.status, 200, JSON.stringify(compare.body));
  assert.equal(compare.body.previous.year, 2023);
  assert.equal(compare.body.current.year, 2024);
  assert.ok(compare.body.cells.length > 0);

  const detail = await client.get(`/api/review/reports/${ids[1]}`);
  assert.deepEqual(detail.body.otherYears, [{ id: ids[3], year: 2023, batchId }]);

  assert.deepEqual((await client.get('/api/review/queue')).body, { enabled: false, reason: '采集队列需要 PostgreSQL 服务器（DATABASE_URL）' });
});

test('review: hostile zip entries are refused naming the entry; unreadable files are kept with the reason', async () => {
  await ready;
  const { client } = await reviewerOf('西坪乡');
  const good = renderHtml(reportOf(21, '西坪乡人民政府', 2024));
  const zeros = new Uint8Array(8 * 1024 * 1024);
  const zip = zipSync({
    '../逃逸.html': new TextEncoder().encode(good),
    '/etc/绝对.html': new TextEncoder().encode(good + ' '),
    '内层.zip': zipSync({ 'a.html': new TextEncoder().encode(good + '  ') }),
    '炸弹.txt': zeros,
    '好的/西坪乡.html': new TextEncoder().encode(good),
    '__MACOSX/._西坪乡.html': new Uint8Array([0, 5, 22, 7]),
  });
  const batchId = (await client.post('/api/review/batches', { name: '恶意压缩包' })).body.id;
  const upload = await client.request('POST', `/api/review/batches/${batchId}/files`, {
    body: filesForm([
      ['包.zip', zip],
      ['图片.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3])],
      ['空.txt', new Uint8Array()],
    ]),
  });
  assert.equal(upload.status, 201, JSON.stringify(upload.body));
  assert.deepEqual(
    upload.body.added.map((r: { fileName: string }) => r.fileName),
    ['包.zip/好的/西坪乡.html', '图片.png'],
  );
  const reasons = new Map(upload.body.skipped.map((s: { name: string; reason: string }) => [s.name, s.reason]));
  assert.match(reasons.get('包.zip/../逃逸.html') as string, /「\.\.」/);
  assert.match(reasons.get('包.zip//etc/绝对.html') as string, /绝对路径/);
  assert.match(reasons.get('包.zip/内层.zip') as string, /不展开/);
  assert.match(reasons.get('包.zip/炸弹.txt') as string, /压缩炸弹/);
  assert.equal(reasons.get('空.txt'), '文件为空');
  await readAll(client, batchId);
  const list = await client.get(`/api/review/batches/${batchId}/reports?status=unreadable`);
  assert.equal(list.body.length, 1);
  assert.equal(list.body[0].fileName, '图片.png');
  assert.match(list.body[0].error.reason, /PNG|图片|图像/);
});

test('review: a PDF is shown as itself (inline, nosniff) with cell boxes; lateness by level; the register agency matched; pending rows resumed', async () => {
  await ready;
  const { client } = await reviewerOf('长宁区'); // the agency 长宁区人民政府
  await createAgency(server.db, adminActor('test'), { name: '长宁区卫生健康委员会' });
  const pdfReport = reportOf(31, '长宁区卫生健康委员会', 2024);
  // A department publishing in March is late (31 January); a government in March is not (31 March).
  const late = { ...reportOf(32, '长宁区民政局', 2024) };
  late.meta = { ...late.meta, date: '2025-03-05' };
  const onTime = { ...reportOf(33, '长宁区人民政府', 2024) };
  onTime.meta = { ...onTime.meta, date: '2025-03-05' };
  const { batchId, ids } = await newBatch(client, [
    ['卫健委.pdf', await renderPdf(pdfReport)],
    ['民政局.html', renderHtml(late)],
    ['区政府.html', renderHtml(onTime)],
  ]);
  const [pdfId, lateId, onTimeId] = ids as [number, number, number];
  const detail = await client.get(`/api/review/reports/${pdfId}`);
  assert.equal(detail.body.status, 'read', JSON.stringify(detail.body.error));
  assert.equal(detail.body.view, 'pdf');
  const cell = detail.body.cells.find((c: { key: string }) => c.key === 'b.new.total');
  assert.equal(cell.value, pdfReport.cells['b.new.total']?.value);
  assert.ok(
    cell.read.source.page >= 1 && cell.read.source.x >= 0 && cell.read.source.y >= 0 && cell.read.source.width > 0,
    JSON.stringify(cell.read.source),
  );
  const source = await client.bytes(`/api/review/reports/${pdfId}/source`);
  assert.equal(source.headers.get('content-type'), 'application/pdf');
  assert.match(source.headers.get('content-disposition') ?? '', /^inline/);
  assert.equal(source.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(new TextDecoder().decode(source.bytes.subarray(0, 5)), '%PDF-');
  assert.equal((await client.get(`/api/review/reports/${pdfId}/view?keys=b.new.total`)).status, 400);
  const matched = await server.db.query<{ id: number; target: string | null }>(
    'select r.id, a.name as target from review_reports r left join agencies a on a.id = r.target_agency_id where r.batch_id = $1 order by r.id',
    [batchId],
  );
  assert.deepEqual(
    matched.rows.map((r) => r.target),
    ['长宁区卫生健康委员会', null, '长宁区人民政府'],
  );

  const lateRules = (await client.get(`/api/review/reports/${lateId}`)).body.findings.map((f: { rule: string }) => f.rule);
  assert.ok(lateRules.includes('published-late'), lateRules.join());
  const onTimeRules = (await client.get(`/api/review/reports/${onTimeId}`)).body.findings.map((f: { rule: string }) => f.rule);
  assert.ok(!onTimeRules.includes('published-late'), onTimeRules.join());

  // Rows stored while no reader runs (a restart) are read when one starts.
  const stored = await storeFiles(server.db, '长宁区', batchId, [
    { name: '重启前.html', bytes: new TextEncoder().encode(renderHtml(reportOf(34, '长宁区司法局', 2024))) },
  ]);
  const statusOf = async () =>
    (await server.db.query<{ status: string; agency: string | null }>('select status, agency from review_reports where id = $1', [stored.ids[0]]))
      .rows[0];
  // A server stopped while its worker reads the row leaves it pending, not unreadable.
  const stopping = new ReviewRuntime(server.db, { log: () => undefined }).start();
  for (let i = 0; stopping.reading.size === 0; i++) {
    assert.ok(i < 500, 'the runtime starts reading');
    await new Promise((r) => setTimeout(r, 10));
  }
  await stopping.close();
  assert.deepEqual(await statusOf(), { status: 'pending', agency: null });
  const reader = new ReviewReader(server.db, { log: () => undefined });
  reader.start();
  await new Promise((r) => setTimeout(r, 50));
  await reader.idle();
  await reader.stop();
  assert.deepEqual(await statusOf(), { status: 'read', agency: '长宁区司法局' });
});

test('review: collected results are added to a batch and read here, with the date and level the collector saw', async () => {
  await ready;
  const { client } = await reviewerOf('北塘区');
  const page = new TextEncoder().encode(renderHtml(reportOf(41, '北塘区交通运输局', 2024)));
  const hash = createHash('sha256').update(page).digest('hex');
  await server.db.transaction('collect', async (tx) => {
    await tx.query('insert into crawl_blobs (sha256, size, content) values ($1, $2, $3)', [hash, page.length, page]);
    await tx.query(
      `insert into crawl_documents (url, kind, agency_level, stated_date, sha256, fetched_at, first_seen, last_seen)
       values ('https://www.beitang.gov.cn/zfxxgk/ndbg/2024.html', 'page', 'department', '2025-02-10', $1, now(), now(), now())`,
      [hash],
    );
    await tx.query(
      "insert into analysis_results (sha256, reader_version, url, agency, year, ok) values ($1, 'old', 'https://www.beitang.gov.cn/zfxxgk/ndbg/2024.html', '北塘区交通运输局', 2024, true)",
      [hash],
    );
    // Not a readable report: never imported.
    const junk = createHash('sha256').update('junk').digest('hex');
    await tx.query("insert into crawl_blobs (sha256, size, content) values ($1, 4, 'junk')", [junk]);
    await tx.query("insert into analysis_results (sha256, reader_version, year, ok) values ($1, 'old', 2024, false)", [junk]);
  });
  const batchId = (await client.post('/api/review/batches', { name: '采集的报告', year: 2024 })).body.id;
  const imported = await client.post(`/api/review/batches/${batchId}/import-collected`, {});
  assert.equal(imported.status, 201, JSON.stringify(imported.body));
  assert.deepEqual(
    imported.body.added.map((r: { fileName: string }) => r.fileName),
    ['www.beitang.gov.cn/zfxxgk/ndbg/2024.html'],
  );
  assert.equal((await client.post(`/api/review/batches/${batchId}/import-collected`, {})).body.already, 1);
  await readAll(client, batchId);
  const [report] = (await client.get(`/api/review/batches/${batchId}/reports`)).body;
  assert.equal(report.status, 'read');
  assert.equal(report.agency, '北塘区交通运输局');
  assert.equal(report.publishedOn, '2025-02-10', 'the date on the page, not the one in the document');
  assert.ok(report.warnings + report.errors > 0);
  const detail = await client.get(`/api/review/reports/${report.id}`);
  assert.ok(
    detail.body.findings.some((f: { rule: string }) => f.rule === 'published-late'),
    'a department after 31 January',
  );
});

test('review: a defect met while reading is stored as an internal error and logged; the reader goes on', async () => {
  await ready;
  const { client } = await reviewerOf('青山县');
  const batchId = (await client.post('/api/review/batches', { name: '读取出错' })).body.id;
  const good = new TextEncoder().encode(renderHtml(reportOf(51, '青山县民政局', 2024)));
  const lost = new TextEncoder().encode(renderHtml(reportOf(52, '青山县教育局', 2024)));
  const stored = await storeFiles(server.db, '青山县', batchId, [
    { name: '丢失.html', bytes: lost },
    { name: '正常.html', bytes: good },
  ]);
  // The bytes vanish behind the database's back (replication role: no foreign key checks).
  await server.db.transaction('test', async (tx) => {
    await tx.query('set local session_replication_role = replica');
    await tx.query('delete from crawl_blobs where sha256 = $1', [createHash('sha256').update(lost).digest('hex')]);
  });
  const logged: unknown[] = [];
  const reader = new ReviewReader(server.db, { log: (error) => logged.push(error) });
  reader.start();
  await new Promise((r) => setTimeout(r, 50));
  await reader.idle();
  await reader.stop();
  const rows = await server.db.query<{ id: number; status: string; error: { reason: string } | null }>(
    'select id, status, error from review_reports where id = any($1::int[]) order by id',
    [stored.ids],
  );
  assert.deepEqual(
    rows.rows.map((r) => [r.status, r.error?.reason ?? null]),
    [
      ['unreadable', '读取时出现内部错误'],
      ['read', null],
    ],
  );
  assert.equal(logged.length, 1);
  assert.match(String(logged[0]), /missing/);
});
