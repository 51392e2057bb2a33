import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { adminActor, cleanFileName, createAgency, MAX_ATTACHMENT_BYTES, sniffMediaType } from '../register/index.ts';
import { withServer } from './test-server.ts';

const APPLICATION = {
  reference: '2024-001',
  applicantKind: 'natural',
  applicantName: '李小明',
  channel: 'in_person',
  submittedOn: '2024-03-01',
  content: '某工程的批复文件',
};

const PDF = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function form(bytes: Uint8Array<ArrayBuffer> | string, name: string, type: string, note?: string): FormData {
  const f = new FormData();
  f.set('file', new Blob([bytes], { type }), name);
  if (note !== undefined) f.set('note', note);
  return f;
}

test('attachments: file names lose folders, control and bidi characters; types come from the bytes only', () => {
  assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
  assert.equal(cleanFileName('C:\\Users\\张三\\申请书.pdf'), '申请书.pdf');
  assert.equal(cleanFileName('a\u0000b\r\n\u202eexe.pdf'), 'abexe.pdf');
  assert.equal(cleanFileName('...hidden'), 'hidden');
  assert.equal(cleanFileName('a<b>:c?.txt'), 'a_b__c_.txt');
  assert.equal(cleanFileName('../'), '附件');
  assert.equal(Array.from(cleanFileName('长'.repeat(500))).length, 200);
  assert.equal(sniffMediaType(PDF), 'application/pdf');
  assert.equal(sniffMediaType(PNG), 'image/png');
  assert.equal(sniffMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.equal(sniffMediaType(new TextEncoder().encode('<html><script>alert(1)</script>')), 'application/octet-stream');
  assert.equal(sniffMediaType(new Uint8Array([0x25, 0x50])), 'application/octet-stream');
});

test('attachments API: uploaded, listed, downloaded as attachments of the type their bytes show; hostile names and HTML are inert; scope and CSRF', () =>
  withServer(
    async (t) => {
      const gov = await createAgency(t.db, adminActor('test'), { name: '东湖区人民政府' });
      const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局', parentId: gov.id });
      const other = await createAgency(t.db, adminActor('test'), { name: '东湖区教育局', parentId: gov.id });
      const clerk = await t.as('clerk', 'clerk', agency.id);
      const head = await t.as('head', 'approver', agency.id);
      const stranger = await t.as('stranger', 'clerk', other.id);
      const reviewer = await t.as('reviewer', 'reviewer', gov.id);
      const id = (await clerk.post('/api/applications', { ...APPLICATION, agencyId: agency.id })).body.application.id;

      const pdf = await clerk.request('POST', `/api/applications/${id}/attachments`, {
        body: form(PDF, '申请书 原件.pdf', 'text/html', '申请人当面提交'),
      });
      assert.equal(pdf.status, 201, JSON.stringify(pdf.body));
      assert.equal(pdf.body.fileName, '申请书 原件.pdf');
      assert.equal(pdf.body.mediaType, 'application/pdf', 'the bytes, not the client’s claim');
      assert.equal(pdf.body.size, PDF.length);
      assert.equal(pdf.body.sha256, createHash('sha256').update(PDF).digest('hex'));
      assert.equal(pdf.body.note, '申请人当面提交');
      assert.equal(pdf.body.uploadedBy, 'clerk');

      const html = '<html><body><script>alert(document.cookie)</script><img src=x onerror=alert(1)></body></html>';
      const hostile = await clerk.request('POST', `/api/applications/${id}/attachments`, {
        body: form(html, '../../..\\evil\u202Efdp.html\r\nX-Injected: 1', 'text/html'),
      });
      assert.equal(hostile.status, 201, JSON.stringify(hostile.body));
      assert.equal(hostile.body.mediaType, 'application/octet-stream');
      assert.doesNotMatch(hostile.body.fileName, /[/\\\r\n\u202e]/);
      const served = await clerk.fetch('GET', `/api/attachments/${hostile.body.id}`);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('content-type'), 'application/octet-stream');
      assert.match(served.headers.get('content-disposition') ?? '', /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
      assert.equal(served.headers.get('x-injected'), null);
      assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
      assert.match(served.headers.get('content-security-policy') ?? '', /sandbox/);
      assert.equal(await served.text(), html, 'stored byte for byte');
      const pdfServed = await clerk.bytes(`/api/attachments/${pdf.body.id}`);
      assert.equal(pdfServed.headers.get('content-type'), 'application/pdf');
      assert.deepEqual(pdfServed.bytes, PDF);

      const png = await head.request('POST', `/api/applications/${id}/attachments`, { body: form(PNG, 'scan.png', 'application/octet-stream') });
      assert.equal(png.body.mediaType, 'image/png');

      const list = await clerk.get(`/api/applications/${id}/attachments`);
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.items.map((i: { id: number }) => i.id),
        [png.body.id, hostile.body.id, pdf.body.id],
      );
      assert.ok(!('content' in list.body.items[0]));

      // Refused: empty, too large (413 in Chinese), not a form, no file field, without CSRF; nothing stored.
      const empty = await clerk.request('POST', `/api/applications/${id}/attachments`, { body: form('', 'empty.txt', 'text/plain') });
      assert.equal(empty.status, 400);
      assert.match(empty.body.error.message, /为空/);
      const big = await clerk.request('POST', `/api/applications/${id}/attachments`, {
        body: form(new Uint8Array(4097), 'big.bin', 'application/octet-stream'),
      });
      assert.equal(big.status, 413);
      assert.match(big.body.error.message, /附件不能超过/);
      const huge = await clerk.request('POST', `/api/applications/${id}/attachments`, {
        body: form(new Uint8Array(200 * 1024), 'huge.bin', 'application/octet-stream'),
      });
      assert.equal(huge.status, 413, 'the body limit refuses before the form is read');
      assert.match(huge.body.error.message, /附件超过上限/);
      assert.equal(huge.headers.get('connection'), 'close', 'the unread rest of the body is not taken for a next request');
      assert.equal((await clerk.request('POST', `/api/applications/${id}/attachments`, { json: { file: 'x' } })).status, 400);
      const noFile = new FormData();
      noFile.set('note', 'x');
      assert.equal((await clerk.request('POST', `/api/applications/${id}/attachments`, { body: noFile })).status, 400);
      assert.equal(
        (await clerk.request('POST', `/api/applications/${id}/attachments`, { body: form(PDF, 'a.pdf', 'application/pdf'), csrf: false })).status,
        403,
      );
      assert.equal((await clerk.get(`/api/applications/${id}/attachments`)).body.items.length, 3);

      // Scope: another agency's clerk neither reads nor adds; the reviewer reads only.
      assert.equal((await stranger.get(`/api/applications/${id}/attachments`)).status, 403);
      assert.equal((await stranger.get(`/api/attachments/${pdf.body.id}`)).status, 403);
      assert.equal(
        (await stranger.request('POST', `/api/applications/${id}/attachments`, { body: form(PDF, 'a.pdf', 'application/pdf') })).status,
        403,
      );
      assert.equal((await reviewer.get(`/api/attachments/${pdf.body.id}`)).status, 200);
      assert.equal(
        (await reviewer.request('POST', `/api/applications/${id}/attachments`, { body: form(PDF, 'a.pdf', 'application/pdf') })).status,
        403,
      );
      assert.equal((await clerk.get('/api/attachments/424242')).status, 404);

      // A published year does not close the case file (documented): attachments still come in, audited without bytes.
      assert.equal((await head.post(`/api/agencies/${agency.id}/lock/2024`)).status, 200);
      const late = await clerk.request('POST', `/api/applications/${id}/attachments`, { body: form(PDF, '复议决定书.pdf', 'application/pdf') });
      assert.equal(late.status, 201);
      const audit = await clerk.get(`/api/applications/${id}/audit`);
      assert.equal(audit.body.items.filter((e: { what: string }) => e.what === '新增附件').length, 4);
      const bytesLogged = await t.db.query<{ n: number }>(
        "select count(*)::int as n from audit_log where table_name = 'attachments' and after ? 'content'",
      );
      assert.equal(bytesLogged.rows[0]?.n, 0);
    },
    { maxAttachmentBytes: 4096 },
  ));

test('attachments API: the default limit is 20 MB: one byte more is 413 in Chinese', () =>
  withServer(async (t) => {
    const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局' });
    const clerk = await t.as('clerk', 'clerk', agency.id);
    const id = (await clerk.post('/api/applications', { ...APPLICATION, agencyId: agency.id })).body.application.id;
    assert.equal(MAX_ATTACHMENT_BYTES, 20 * 1024 * 1024);
    const over = await clerk.request('POST', `/api/applications/${id}/attachments`, {
      body: form(new Uint8Array(MAX_ATTACHMENT_BYTES + 1), 'over.bin', 'application/octet-stream'),
    });
    assert.equal(over.status, 413);
    assert.match(over.body.error.message, /^附件不能超过20 MB/);
    const under = await clerk.request('POST', `/api/applications/${id}/attachments`, {
      body: form(new Uint8Array(1024 * 1024), 'one-megabyte.bin', 'application/octet-stream'),
    });
    assert.equal(under.status, 201);
  }));
