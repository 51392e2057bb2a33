import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { cellLabel, cellSpecs, FORMAT_2021 } from '../format/index.ts';
import { adminActor, createAgency } from '../register/index.ts';
import { renderHtml } from '../render/index.ts';
import { chineseDate } from '../render/text.ts';
import type { Cell } from '../report/index.ts';
import { randomReport } from '../testing/random-report.ts';
import { insertBatch, insertReport } from '../testing/review-issue-fixtures.ts';
import { chinaToday } from './http.ts';
import { withServer } from './test-server.ts';

const DUE = `${Number(chinaToday().slice(0, 4)) + 1}-03-31`;
const HOSTILE = '=HYPERLINK("http://evil.example","点我")';

/** The text of a DOCX's body, paragraph by paragraph (table cells are paragraphs too). */
function docxParagraphs(bytes: Uint8Array): { xml: string; paragraphs: string[] } {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
  return { xml, paragraphs };
}

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  return book;
}

test('exports: the 通报 DOCX, issues and reports XLSX, findings CSV — read back; scoped like the console', () =>
  withServer(async (t) => {
    const gov = await createAgency(t.db, adminActor('test'), { name: '东湖区人民政府' });
    const civil = await createAgency(t.db, adminActor('test'), { name: '东湖区民政局', parentId: gov.id });
    const west = await createAgency(t.db, adminActor('test'), { name: '西湖区人民政府' });
    const batch = await insertBatch(t.db, gov.id, '2025年度区级部门年报审查', 2025);
    const a = await insertReport(t.db, batch, { agency: '东湖区民政局', year: 2025, targetAgencyId: civil.id, doctor: { 'b.granted.natural': 999 } });
    const hostile = await insertReport(t.db, batch, {
      agency: HOSTILE,
      year: 2025,
      seed: 11,
      fileName: '+cmd|calc.html',
      doctor: { 'b.new.natural': 998 },
    });
    await insertReport(t.db, batch, { agency: '东湖区教育局', year: 2025, seed: 5 });
    const reviewer = await t.as('reviewer', 'reviewer', gov.id);
    const go = (id: number, body: unknown) => reviewer.post(`/api/review/issues/${id}/transition`, body);
    const [assigned, confirmed] = a.issueIds as [number, number];
    await go(assigned, { action: 'confirm' });
    assert.equal((await go(assigned, { action: 'assign', dueOn: DUE })).status, 200);
    await go(confirmed, { action: 'confirm' });
    await go(hostile.issueIds[0] as number, { action: 'dismiss', note: '误读' });

    // A corrected cell: the figure in effect, the value as read in a note.
    const key = 'a.rules.issued';
    const read = (await t.db.query<{ v: number }>(`select (cells->>$2)::numeric as v from review_reports where id = $1`, [a.reportId, key])).rows[0]
      ?.v as number;
    await t.db.transaction('reviewer', async (tx) => {
      await tx.query(
        "insert into review_corrections (report_id, key, read_value, read_raw, value, reason, corrected_by) values ($1, $2, $3, $4, 4321, '原文为4321', 'reviewer')",
        [a.reportId, key, read, String(read)],
      );
      await tx.query(`update review_reports set cells = jsonb_set(cells, array[$2], '4321') where id = $1`, [a.reportId, key]);
    });

    // 通报
    const notice = await reviewer.bytes(`/api/review/batches/${batch}/notice.docx`);
    assert.equal(notice.status, 200);
    assert.equal(notice.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(notice.headers.get('content-disposition') ?? '', /filename\*=UTF-8''%E5%85%B3%E4%BA%8E2025/);
    const { xml, paragraphs } = docxParagraphs(notice.bytes);
    assert.equal(paragraphs[0], '关于2025年度政府信息公开工作年度报告审查情况的通报');
    assert.ok(paragraphs.includes('一、总体情况'));
    const overall = paragraphs.find((p) => p.startsWith('东湖区人民政府对3份2025年度'));
    assert.ok(overall, paragraphs.join('\n'));
    assert.match(overall, /其中1份报告存在问题，经审核确认问题2个（错误2个）/);
    assert.ok(paragraphs.some((p) => /^按问题类型分：「表三/.test(p)));
    assert.ok(paragraphs.includes('二、问题清单'));
    assert.ok(paragraphs.includes('（一）东湖区民政局（2个）'));
    assert.ok(!paragraphs.some((p) => p.includes('HYPERLINK')), 'a dismissed issue is not in the notice');
    for (const header of ['序号', '问题', '涉及单元格', '状态', '整改期限']) assert.ok(paragraphs.includes(header), header);
    assert.ok(paragraphs.includes('整改中') && paragraphs.includes('已确认'));
    assert.ok(paragraphs.includes(chineseDate(DUE)));
    assert.ok(
      paragraphs.some((p) => p.startsWith('表三「')),
      'cells by the standard’s labels',
    );
    assert.ok(paragraphs.includes('三、整改要求'));
    assert.deepEqual(paragraphs.filter((p) => p).slice(-2), ['东湖区人民政府', chineseDate(chinaToday())]);
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) assert.ok(xml.includes(`w:eastAsia="${font}"`), font);
    assert.equal((xml.match(/<w:tbl>/g) ?? []).length, 1, 'one table per agency with issues');

    // issues.xlsx
    const issues = await workbook((await reviewer.bytes(`/api/review/batches/${batch}/issues.xlsx`)).bytes);
    const ws = issues.getWorksheet('问题');
    assert.ok(ws);
    assert.equal(ws.getCell('A1').value, '机关');
    assert.equal(ws.views[0]?.state, 'frozen');
    assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1);
    assert.ok(ws.autoFilter, 'filters on the header');
    assert.equal(ws.rowCount, 1 + a.issueIds.length + hostile.issueIds.length);
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => headers.indexOf(name) + 1;
    const statuses = ws.getColumn(column('状态')).values.slice(2);
    assert.ok(statuses.includes('整改中') && statuses.includes('已排除') && statuses.includes('待审核'));
    assert.ok(ws.getColumn(column('整改期限')).values.includes(DUE));

    // reports.xlsx
    const reports = await workbook((await reviewer.bytes(`/api/review/batches/${batch}/reports.xlsx`)).bytes);
    const rs = reports.getWorksheet('报告');
    assert.ok(rs);
    assert.equal(rs.rowCount, 4);
    assert.equal(rs.views[0]?.state, 'frozen');
    assert.ok(rs.autoFilter);
    const rHeaders = (rs.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(rHeaders.slice(0, 8), ['文件', '机关', '层级', '年度', '格式', '发布日期', '错误数', '警告数']);
    const specs = cellSpecs(FORMAT_2021);
    assert.deepEqual(
      rHeaders.slice(8, 8 + specs.length),
      specs.map((s) => cellLabel(FORMAT_2021, s.key)),
      'every cell of the 2021 format, headed by the spec’s labels',
    );
    const civilRow = rs.getRow(2);
    assert.equal(civilRow.getCell(2).value, '东湖区民政局');
    assert.equal(civilRow.getCell(3).value, '部门');
    assert.equal(civilRow.getCell(4).value, 2025);
    assert.equal(civilRow.getCell(7).value, a.findings.filter((f) => f.severity === 'error').length);
    const issued = civilRow.getCell(rHeaders.indexOf(cellLabel(FORMAT_2021, key)) + 1);
    assert.equal(issued.value, 4321, 'the corrected figure, as a number');
    assert.match(String(issued.note), new RegExp(`原读取值 ${read}，更正为 4321`));
    assert.equal(civilRow.getCell(rHeaders.indexOf('已更正单元格') + 1).value, cellLabel(FORMAT_2021, key));
    const granted = civilRow.getCell(rHeaders.indexOf(cellLabel(FORMAT_2021, 'b.granted.natural')) + 1);
    assert.equal(granted.value, 999);
    assert.equal(rs.getRow(3).getCell(2).value, HOSTILE, 'XLSX cells hold text as text: no formula is made');

    // findings.csv
    const csv = await reviewer.bytes(`/api/review/batches/${batch}/findings.csv`);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    assert.ok(text.startsWith('\ufeff'), 'a BOM');
    assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text.replace(/"[^"]*"/g, '')), 'CRLF line ends');
    const rows = parse(text.slice(1)) as string[][];
    assert.deepEqual(rows[0], ['文件', '机关', '年度', '规则', '级别', '说明', '单元格', '应为', '实为', '位置', '单元格键', '状态']);
    assert.equal(rows.length, 1 + a.findings.length + hostile.findings.length);
    const evil = rows.find((r) => r[1]?.includes('HYPERLINK'));
    assert.ok(evil);
    assert.equal(evil[1], `'${HOSTILE}`, 'the hostile agency name made inert');
    assert.equal(evil[0], "'+cmd|calc.html", 'and the file name');
    assert.equal(evil[11], '已排除');
    const first = rows.find((r) => r[3] === a.findings[0]?.rule && r[0] === '东湖区民政局2025年报.html');
    assert.ok(first);
    assert.equal(first[10], (a.findings[0]?.keys ?? []).join(' '));
    assert.match(first[6] as string, /^表三「/);

    // Scope: another level's reviewer, and agency staff.
    const outsider = await t.as('west', 'reviewer', west.id);
    const clerk = await t.as('clerk', 'clerk', civil.id);
    for (const path of ['notice.docx', 'issues.xlsx', 'reports.xlsx', 'findings.csv']) {
      assert.equal((await outsider.bytes(`/api/review/batches/${batch}/${path}`)).status, 404, path);
      assert.equal((await clerk.bytes(`/api/review/batches/${batch}/${path}`)).status, 403, path);
    }
  }));

test('exports: a batch without confirmed issues gives a notice saying so', () =>
  withServer(async (t) => {
    // A control character (a name pasted from a document) would make the DOCX unreadable to Word.
    const gov = await createAgency(t.db, adminActor('test'), { name: '青山县\u0001人民政府' });
    const batch = await insertBatch(t.db, gov.id, '审查', null);
    await insertReport(t.db, batch, { agency: '青山县民政局', year: 2024, seed: 5 });
    const reviewer = await t.as('reviewer', 'reviewer', gov.id);
    const { xml, paragraphs } = docxParagraphs((await reviewer.bytes(`/api/review/batches/${batch}/notice.docx`)).bytes);
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(paragraphs.includes('青山县人民政府'), 'the sign-off, without the control character');
    assert.equal(paragraphs[0], '关于2024年度政府信息公开工作年度报告审查情况的通报', 'the year of the reports when the batch has none');
    assert.ok(paragraphs.some((p) => p.endsWith('经审核，未发现需要整改的问题。')));
    assert.ok(!paragraphs.includes('二、问题清单'));
  }));

test('end to end: a report uploaded to the console and read in the background goes through the workflow into the 通报', () =>
  withServer(async (t) => {
    const gov = await createAgency(t.db, adminActor('test'), { name: '白河镇人民政府' });
    const office = await createAgency(t.db, adminActor('test'), { name: '白河镇党政综合办公室', parentId: gov.id });
    const reviewer = await t.as('reviewer', 'reviewer', gov.id);
    const batch = (await reviewer.post('/api/review/batches', { name: '白河镇2025年度年报审查', year: 2025 })).body;
    const report = randomReport(21, { format: '2021' });
    report.meta = { ...report.meta, agency: '白河镇党政综合办公室', year: 2025, title: '白河镇党政综合办公室2025年政府信息公开工作年度报告' };
    const cell = report.cells['b.partial.natural'] as Cell;
    report.cells['b.partial.natural'] = { ...cell, value: (cell.value ?? 0) + 5, raw: String((cell.value ?? 0) + 5) };
    const form = new FormData();
    form.append('files', new Blob([renderHtml(report)]), '综合办年报.html');
    const upload = await reviewer.request('POST', `/api/review/batches/${batch.id}/files`, { body: form });
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    for (let i = 0; i < 600 && (await reviewer.get(`/api/review/batches/${batch.id}`)).body.reports.pending > 0; i++)
      await new Promise((r) => setTimeout(r, 100));

    const issues = (await reviewer.get(`/api/review/batches/${batch.id}/issues?severity=error`)).body;
    assert.ok(issues.length > 0, 'the doctored cell is found');
    const issue = issues.find((i: { keys: string[] }) => i.keys.includes('b.partial.natural'));
    assert.ok(issue, JSON.stringify(issues));
    assert.equal(issue.agency, '白河镇党政综合办公室');
    await reviewer.post(`/api/review/issues/${issue.id}/transition`, { action: 'confirm' });
    const assigned = await reviewer.post(`/api/review/issues/${issue.id}/transition`, { action: 'assign', dueOn: DUE });
    assert.equal(assigned.body.assignedAgencyId, office.id, 'the report’s agency, matched by the reader');
    const detail = await reviewer.get(`/api/review/reports/${issue.reportId}`);
    assert.equal(
      detail.body.issues.find((i: { id: number }) => i.id === issue.id).status,
      'rectifying',
      'the console’s report page sees the workflow',
    );

    const { paragraphs } = docxParagraphs((await reviewer.bytes(`/api/review/batches/${batch.id}/notice.docx`)).bytes);
    assert.ok(paragraphs.includes('（一）白河镇党政综合办公室（1个）'), paragraphs.join('\n'));
    assert.ok(paragraphs.includes(issue.message));
  }));
