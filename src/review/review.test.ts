import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { zipSync } from 'fflate';
import { adminActor, createAgency } from '../register/index.ts';
import { renderDocx, renderHtml, renderMarkdown } from '../render/index.ts';
import type { Report } from '../report/index.ts';
import { type Client, type TestServer, withServer } from '../server/test-server.ts';
import { randomReport } from '../testing/random-report.ts';

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
