import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { adminActor, createAgency } from '../register/index.ts';
import { withServer } from './test-server.ts';

const APPLICATION = {
  reference: '2024/001',
  applicantKind: 'natural',
  applicantName: '李小明',
  applicantContact: '13812345678',
  channel: 'in_person',
  submittedOn: '2024-03-01',
  content: '某工程的批复文件',
};

function documentXml(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
}

test('letters API: available by the case’s state, previewed, issued as frozen DOCX versions, downloaded with a Chinese file name, audited', () =>
  withServer(async (t) => {
    const gov = await createAgency(t.db, adminActor('test'), { name: '东湖区人民政府' });
    const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局', parentId: gov.id });
    const other = await createAgency(t.db, adminActor('test'), { name: '东湖区教育局', parentId: gov.id });
    const clerk = await t.as('clerk', 'clerk', agency.id);
    const head = await t.as('head', 'approver', agency.id);
    const stranger = await t.as('stranger', 'clerk', other.id);
    const reviewer = await t.as('reviewer', 'reviewer', gov.id);
    const id = (await clerk.post('/api/applications', { ...APPLICATION, agencyId: agency.id })).body.application.id;

    const fresh = await clerk.get(`/api/applications/${id}/letters`);
    assert.equal(fresh.status, 200);
    assert.deepEqual(fresh.body.items, []);
    assert.deepEqual(
      fresh.body.available.map((a: { kind: string; ready: boolean }) => [a.kind, a.ready]),
      [
        ['correction', false],
        ['extension', false],
        ['consultation', false],
        ['answer', false],
      ],
    );
    assert.match(fresh.body.available[0].reason, /告知补正/);
    assert.equal((await clerk.post(`/api/applications/${id}/letters`, { kind: 'correction' })).status, 409);

    await clerk.post(`/api/applications/${id}/events`, {
      kind: 'correction_requested',
      onDate: '2024-03-05',
      data: { items: '请明确工程名称', dueOn: '2024-03-20' },
    });
    const preview = await clerk.get(`/api/applications/${id}/letters/preview?kind=correction`);
    assert.equal(preview.status, 200);
    assert.equal(preview.body.kindName, '补正告知书');
    assert.equal(preview.body.title, '东湖区民政局政府信息公开申请补正告知书');
    assert.equal(preview.body.legalBasis, '《中华人民共和国政府信息公开条例》第三十条');
    assert.ok(preview.body.paragraphs.includes('请明确工程名称'));
    assert.ok(preview.body.paragraphs.some((p: string) => p.includes('请于2024年3月20日前')));
    assert.deepEqual(preview.body.paragraphs.slice(-2), ['东湖区民政局', '2024年3月5日']);
    assert.equal((await clerk.get(`/api/applications/${id}/letters/preview?kind=nope`)).status, 400);
    assert.equal((await clerk.get(`/api/applications/${id}/letters/preview?kind=answer`)).status, 409);

    // CSRF: the POST without the token is refused and nothing is stored.
    const forged = await clerk.request('POST', `/api/applications/${id}/letters`, { json: { kind: 'correction' }, csrf: false });
    assert.equal(forged.status, 403);
    const first = await clerk.post(`/api/applications/${id}/letters`, { kind: 'correction' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.version, 1);
    assert.equal(first.body.kindName, '补正告知书');
    assert.equal(first.body.issuedBy, 'clerk');
    assert.equal(first.body.fileName, '补正告知书（2024_001）第1版.docx', 'the / of the 编号 never reaches the file name');
    assert.match(first.body.issuedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const second = await clerk.post(`/api/applications/${id}/letters`, { kind: 'correction' });
    assert.equal(second.body.version, 2, 'issuing again is a new version');

    const file = await clerk.bytes(`/api/letters/${first.body.id}/docx`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = file.headers.get('content-disposition') ?? '';
    assert.match(disposition, /^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''/);
    assert.ok(disposition.includes(`filename*=UTF-8''${encodeURIComponent('补正告知书（2024_001）第1版.docx')}`), disposition);
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(createHash('sha256').update(file.bytes).digest('hex'), first.body.sha256);
    const xml = documentXml(file.bytes);
    assert.ok(xml.includes('东湖区民政局政府信息公开申请补正告知书'));
    assert.ok(xml.includes('请明确工程名称'));
    assert.ok(xml.includes('仿宋_GB2312') && xml.includes('方正小标宋简体'), 'the official fonts by name');

    // Frozen: the database refuses to change or remove an issued letter.
    await assert.rejects(t.db.query("update letters set file_name = 'x.docx' where id = $1", [first.body.id]), /不能修改或删除/);
    await assert.rejects(t.db.query('delete from letters where id = $1', [first.body.id]), /不能修改或删除/);
    const kept = await t.db.query<{ n: number }>('select count(*)::int as n from letters');
    assert.equal(kept.rows[0]?.n, 2);

    // Through 补正, consultation and extension to an answer: each letter once its step is recorded.
    await clerk.post(`/api/applications/${id}/events`, { kind: 'correction_received', onDate: '2024-03-12' });
    await clerk.post(`/api/applications/${id}/events`, { kind: 'consultation_started', onDate: '2024-03-13', data: { party: '某建设有限公司' } });
    const consultation = await clerk.get(`/api/applications/${id}/letters/preview?kind=consultation`);
    assert.equal(consultation.body.paragraphs[1], '某建设有限公司：');
    await clerk.post(`/api/applications/${id}/events`, { kind: 'consultation_ended', onDate: '2024-03-25' });
    await head.post(`/api/applications/${id}/events`, { kind: 'extension', onDate: '2024-04-02' });
    const extension = await clerk.get(`/api/applications/${id}/letters/preview?kind=extension`);
    assert.equal(extension.body.legalBasis, '《中华人民共和国政府信息公开条例》第三十三条第二款');
    assert.ok(extension.body.paragraphs.some((p: string) => /延长20个工作日，本机关将于2024年\d+月\d+日前作出答复/.test(p)));
    await head.post(`/api/applications/${id}/events`, { kind: 'answered', onDate: '2024-04-20', data: { outcome: 'refused.process_info' } });
    const answer = await head.post(`/api/applications/${id}/letters`, { kind: 'answer' });
    assert.equal(answer.status, 201);
    assert.equal(answer.body.outcome, 'refused.process_info');
    assert.equal(answer.body.outcomeLabel, '（三）6.属于四类过程性信息');
    const answerXml = documentXml((await clerk.bytes(`/api/letters/${answer.body.id}/docx`)).bytes);
    assert.ok(answerXml.includes('第十六条第二款'));
    assert.ok(answerXml.includes('向东湖区人民政府申请行政复议'));

    const list = await clerk.get(`/api/applications/${id}/letters`);
    assert.deepEqual(
      list.body.items.map((i: { kind: string; version: number }) => `${i.kind}${i.version}`),
      ['answer1', 'correction2', 'correction1'],
    );
    assert.ok(list.body.available.every((a: { ready: boolean }) => a.ready));

    const audit = await clerk.get(`/api/applications/${id}/audit`);
    const issued = audit.body.items.filter((e: { what: string }) => e.what === '新增文书');
    assert.equal(issued.length, 3);
    assert.ok(issued.some((e: { actor: string; changes: string[] }) => e.actor === 'head' && e.changes.includes('类型：政府信息公开申请答复书')));
    const logged = await t.db.query<{ n: number }>("select count(*)::int as n from audit_log where table_name = 'letters' and after ? 'content'");
    assert.equal(logged.rows[0]?.n, 0, 'the bytes stay out of the audit trail');

    // Scope: another agency's clerk sees nothing; the reviewer reads but never issues.
    assert.equal((await stranger.get(`/api/applications/${id}/letters`)).status, 403);
    assert.equal((await stranger.get(`/api/applications/${id}/letters/preview?kind=answer`)).status, 403);
    assert.equal((await stranger.get(`/api/letters/${answer.body.id}/docx`)).status, 403);
    assert.equal((await stranger.post(`/api/applications/${id}/letters`, { kind: 'answer' })).status, 403);
    assert.equal((await reviewer.get(`/api/applications/${id}/letters`)).status, 200);
    assert.equal((await reviewer.bytes(`/api/letters/${answer.body.id}/docx`)).status, 200);
    assert.equal((await reviewer.post(`/api/applications/${id}/letters`, { kind: 'answer' })).status, 403);
    assert.equal((await clerk.get('/api/letters/999999/docx')).status, 404);
    assert.equal((await clerk.get('/api/letters/abc/docx')).status, 400);
    assert.equal((await t.client().get(`/api/letters/${answer.body.id}/docx`)).status, 401);
  }));
