import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { adminActor, createAgency } from '../register/index.ts';
import { PREVIEW_CSP } from './routes/report-workspace.ts';
import { withServer } from './test-server.ts';

const OVERVIEW_2023 =
  '2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条，收到政府信息公开申请1件，均在法定期限内答复。进一步加强政府信息管理，完善公开平台建设，强化监督保障。';
const OVERVIEW_2024 = OVERVIEW_2023.replace('2023', '2024').replace('120', '135');
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

const APPLICATION = {
  applicantKind: 'natural',
  applicantName: '李小明',
  channel: 'in_person',
  content: '某工程的批复文件',
};

test('report workspace: this year beside last year, sections compared, lock shown; a year without last year’s data has lastYear null', () =>
  withServer(async (t) => {
    const gov = await createAgency(t.db, adminActor('test'), { name: '东湖区人民政府' });
    const agency = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局', parentId: gov.id });
    const other = await createAgency(t.db, adminActor('test'), { name: '东湖区教育局', parentId: gov.id });
    const clerk = await t.as('clerk', 'clerk', agency.id);
    const head = await t.as('head', 'approver', agency.id);
    const stranger = await t.as('stranger', 'clerk', other.id);
    const reviewer = await t.as('reviewer', 'reviewer', gov.id);
    const old = await clerk.post('/api/applications', { ...APPLICATION, agencyId: agency.id, reference: '2023-1', submittedOn: '2023-05-08' });
    await head.post(`/api/applications/${old.body.application.id}/events`, { kind: 'answered', onDate: '2023-05-20', data: { outcome: 'granted' } });
    await clerk.post('/api/applications', { ...APPLICATION, agencyId: agency.id, reference: '2024-1', submittedOn: '2024-06-03' });
    await clerk.put(`/api/agencies/${agency.id}/texts/2023/1`, { text: OVERVIEW_2023 });
    await clerk.put(`/api/agencies/${agency.id}/texts/2023/5`, { text: '存在的问题：公开内容不够全面。' });
    await clerk.put(`/api/agencies/${agency.id}/texts/2024/1`, { text: OVERVIEW_2024 });
    await clerk.put(`/api/agencies/${agency.id}/texts/2024/5`, { text: '改进情况：建立季度自查制度，完善依申请公开办理流程。' });

    const ws = await clerk.get(`/api/agencies/${agency.id}/report/2024/workspace`);
    assert.equal(ws.status, 200, JSON.stringify(ws.body));
    assert.equal(ws.body.year, 2024);
    assert.deepEqual(ws.body.agency, { id: agency.id, name: '东湖区民政局' });
    assert.equal(ws.body.locked, false);
    assert.equal(ws.body.report.cells['b.new.total'], 1);
    assert.equal(ws.body.report.cells['b.carried_out.total'], 1);
    assert.ok(Array.isArray(ws.body.report.findings));
    assert.equal(ws.body.lastYear.year, 2023);
    assert.equal(ws.body.lastYear.cells['b.granted.total'], 1);
    assert.deepEqual(
      ws.body.sections.map((s: { number: number }) => s.number),
      [1, 2, 3, 4, 5, 6],
    );
    const [overview, , , , problems, others] = ws.body.sections;
    assert.equal(overview.heading, '一、总体情况');
    assert.equal(overview.text, OVERVIEW_2024);
    assert.equal(overview.lastYearText, OVERVIEW_2023);
    assert.ok(overview.similarity >= 0.9 && overview.similarity < 1, String(overview.similarity));
    assert.equal(overview.nearlySame, true);
    assert.ok(problems.similarity < 0.5);
    assert.equal(problems.nearlySame, false);
    assert.deepEqual([others.text, others.lastYearText, others.similarity, others.nearlySame], ['', '', 0, false]);

    const first = await clerk.get(`/api/agencies/${agency.id}/report/2023/workspace`);
    assert.equal(first.body.lastYear, null, '2022 has no data at all');
    assert.equal(first.body.sections[0].lastYearText, '');

    // The government with its departments.
    const whole = await reviewer.get(`/api/agencies/${gov.id}/report/2024/workspace?departments=1`);
    assert.equal(whole.status, 200);
    assert.equal(whole.body.report.cells['b.new.total'], 1);
    assert.equal((await reviewer.get(`/api/agencies/${gov.id}/report/2024/workspace`)).body.report.cells['b.new.total'], 0);

    // Scope.
    assert.equal((await stranger.get(`/api/agencies/${agency.id}/report/2024/workspace`)).status, 403);
    assert.equal((await stranger.get(`/api/agencies/${agency.id}/report/2024/preview`)).status, 403);
    assert.equal((await stranger.get(`/api/agencies/${agency.id}/report/2024/export?format=md`)).status, 403);
    assert.equal((await clerk.get(`/api/agencies/${agency.id}/report/1999/workspace`)).status, 400);

    // Publishing locks the year: the workspace says so, and texts and figures are refused through the API.
    assert.equal((await head.post(`/api/agencies/${agency.id}/lock/2024`)).status, 200);
    assert.equal((await clerk.get(`/api/agencies/${agency.id}/report/2024/workspace`)).body.locked, true);
    assert.equal((await clerk.get(`/api/agencies/${agency.id}/report/2023/workspace`)).body.locked, false);
    const text = await clerk.put(`/api/agencies/${agency.id}/texts/2024/1`, { text: '新的总体情况' });
    assert.equal(text.status, 423);
    assert.equal(text.body.error.code, 'locked');
    const figures = await clerk.put(`/api/agencies/${agency.id}/proactive/2024`, { values: { 'a.rules.issued': 1 } });
    assert.equal(figures.status, 423);
    assert.equal((await clerk.get(`/api/agencies/${agency.id}/report/2024/workspace`)).body.sections[0].text, OVERVIEW_2024);
    // A lock on the government covers its departments.
    const root = await t.as('root', 'admin', null);
    assert.equal((await root.post(`/api/agencies/${gov.id}/lock/2023`)).status, 200);
    assert.equal((await clerk.get(`/api/agencies/${agency.id}/report/2023/workspace`)).body.locked, true);
  }));

test('report preview and export: the standard layout with every register text escaped, framed by the workbench only; files named after the report', () =>
  withServer(async (t) => {
    const agency = await createAgency(t.db, adminActor('test'), { name: `东湖区${HOSTILE}局` });
    const clerk = await t.as('clerk', 'clerk', agency.id);
    await clerk.put(`/api/agencies/${agency.id}/texts/2024/1`, { text: `总体情况。${HOSTILE}` });
    await clerk.put(`/api/agencies/${agency.id}/texts/2024/6`, { text: '本年度未收取信息处理费。" onload="alert(3)' });

    const preview = await clerk.fetch('GET', `/api/agencies/${agency.id}/report/2024/preview`);
    assert.equal(preview.status, 200);
    assert.equal(preview.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(preview.headers.get('content-security-policy'), PREVIEW_CSP);
    assert.equal(PREVIEW_CSP, "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'");
    assert.equal(preview.headers.get('x-frame-options'), 'SAMEORIGIN');
    const html = await preview.text();
    assert.ok(
      html.includes('<h1>东湖区&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;局2024年政府信息公开工作年度报告</h1>'),
    );
    assert.ok(html.includes('<p>总体情况。&lt;script&gt;'));
    assert.ok(html.includes('&quot; onload=&quot;alert(3)'));
    assert.doesNotMatch(html, /<script|<img|onload="/i);
    assert.ok(html.includes('<table class="table-b"'), 'the standard layout with its tables');

    const name = `东湖区${HOSTILE}局2024年政府信息公开工作年度报告`;
    const md = await clerk.fetch('GET', `/api/agencies/${agency.id}/report/2024/export?format=md`);
    assert.equal(md.status, 200);
    assert.equal(md.headers.get('content-type'), 'text/markdown; charset=utf-8');
    const disposition = md.headers.get('content-disposition') ?? '';
    assert.ok(
      disposition.endsWith(
        `filename*=UTF-8''${encodeURIComponent(`${name}.md`).replace(/[()*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      ),
      disposition,
    );
    assert.match(disposition, /^attachment; filename="[^"\\]*\.md"; /);
    assert.doesNotMatch(disposition, /[<>\r\n]|filename="[^"]*"[^;]/);
    assert.match(await md.text(), /总体情况/);
    assert.match(md.headers.get('x-report-errors') ?? '', /^\d+$/);

    const exported = await clerk.fetch('GET', `/api/agencies/${agency.id}/report/2024/export?format=html`);
    assert.equal(exported.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(exported.headers.get('content-disposition') ?? '', /^attachment;/, 'an export is a download, never rendered');
    assert.match(exported.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.doesNotMatch(await exported.text(), /<script/i);

    const docx = await clerk.bytes(`/api/agencies/${agency.id}/report/2024/export?format=docx`);
    assert.equal(docx.status, 200);
    assert.equal(docx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml'] as Uint8Array);
    assert.ok(xml.includes('总体情况。&lt;script&gt;'));

    assert.equal((await clerk.get(`/api/agencies/${agency.id}/report/2024/export?format=exe`)).status, 400);
    assert.equal((await clerk.get(`/api/agencies/${agency.id}/report/2024/export`)).status, 400);

    const saved = process.env.GONGKAI_CHROMIUM;
    process.env.GONGKAI_CHROMIUM = '/nonexistent/chromium';
    try {
      const pdf = await clerk.get(`/api/agencies/${agency.id}/report/2024/export?format=pdf`);
      assert.equal(pdf.status, 503);
      assert.equal(pdf.body.error.code, 'unavailable');
      assert.match(pdf.body.error.message, /Chromium/);
    } finally {
      if (saved === undefined) delete process.env.GONGKAI_CHROMIUM;
      else process.env.GONGKAI_CHROMIUM = saved;
    }
  }));
