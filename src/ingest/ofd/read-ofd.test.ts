import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { cellValues } from '../../report/index.ts';
import { blankZeros, compareCells, expectAll } from '../../testing/pdf-expect.ts';
import { randomReport } from '../../testing/random-report.ts';
import { renderOfd } from '../../testing/render-ofd.ts';
import { ReadError } from '../document.ts';
import { readReportBytes } from '../read-report.ts';
import { deltas } from './ofd-page.ts';

const report = randomReport(5);
const ofd = renderOfd(report);

/** The generated OFD with some parts replaced (undefined: removed). */
function edited(parts: Record<string, string | Uint8Array | undefined>): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(ofd);
  for (const [name, content] of Object.entries(parts)) {
    if (content === undefined) delete files[name];
    else files[name] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(files);
}

const page0 = () => new TextDecoder().decode(unzipSync(ofd)['Doc_0/Pages/Page_0/Content.xml']);

async function refused(file: string, bytes: Uint8Array, reason: RegExp): Promise<void> {
  await assert.rejects(readReportBytes(file, bytes), (e: unknown) => {
    assert.ok(e instanceof ReadError, `${file}: ${String(e)}`);
    assert.equal(e.code, 'unreadable');
    assert.ok(e.message.startsWith(`${file}：`), e.message);
    assert.match(e.reason, reason);
    return true;
  });
}

test('OFD: DeltaX with g n d repeats an advance; a malformed one is refused', () => {
  assert.deepEqual(deltas('3 g 3 4.5 2'), [3, 4.5, 4.5, 4.5, 2]);
  assert.deepEqual(deltas(undefined), []);
  assert.throws(() => deltas('g x 2'), /DeltaX/);
  assert.throws(() => deltas('1 two'), /DeltaX/);
});

test('OFD: read by content whatever its name, every cell with its page and box', async () => {
  const back = await readReportBytes('report.pdf', ofd);
  assert.equal(back.meta.source.kind, 'ofd');
  assert.deepEqual(cellValues(back), cellValues(report));
  const cell = back.cells['b.total.total'];
  assert.ok(cell?.source?.page !== undefined && cell.source.page >= 1);
  for (const k of ['x', 'y', 'width', 'height'] as const) assert.ok((cell?.source?.[k] ?? 0) > 0, k);
});

test('OFD: pages that are only images give the scan finding and no cells', async () => {
  const back = await readReportBytes('scan.ofd', renderOfd(report, { imageOnly: true }));
  assert.deepEqual(cellValues(back), {});
  const finding = back.messages.find((m) => m.rule === 'pdf-no-text');
  assert.match(finding?.message ?? '', /扫描件，无文字层：OFD/);
});

test('OFD: a template page and nested page blocks are read; hidden objects are not', async () => {
  const content = page0();
  // Move the first page's objects into a template page inside two page blocks; add a hidden stray number.
  const objects = /<ofd:Layer[^>]*>([\s\S]*)<\/ofd:Layer>/.exec(content)?.[1] ?? '';
  const template = content.replace(objects, `<ofd:PageBlock ID="9001"><ofd:PageBlock ID="9002">${objects}</ofd:PageBlock></ofd:PageBlock>`);
  const hidden =
    '<ofd:TextObject ID="9003" Boundary="30 100 50 10" Size="4" Visible="false"><ofd:TextCode X="0" Y="4">99999</ofd:TextCode></ofd:TextObject>';
  const page = content.replace(objects, hidden).replace('<ofd:Content>', '<ofd:Template TemplateID="9000"/><ofd:Content>');
  const doc = new TextDecoder()
    .decode(unzipSync(ofd)['Doc_0/Document.xml'])
    .replace('</ofd:CommonData>', '<ofd:TemplatePage ID="9000" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>');
  const back = await readReportBytes(
    'tpl.ofd',
    edited({ 'Doc_0/Pages/Page_0/Content.xml': page, 'Doc_0/Tpls/Tpl_0/Content.xml': template, 'Doc_0/Document.xml': doc }),
  );
  assert.deepEqual(cellValues(back), cellValues(report));
  assert.equal(back.meta.agency, report.meta.agency);
});

test('OFD: hostile and corrupt packages are refused naming the problem', async () => {
  await refused('cut.ofd', ofd.subarray(0, Math.floor(ofd.length / 2)), /OFD 压缩包损坏或不完整/);
  await refused('nodoc.ofd', edited({ 'Doc_0/Document.xml': undefined }), /OFD 包中缺少文档根节点（Doc_0\/Document\.xml）/);
  await refused('nopage.ofd', edited({ 'Doc_0/Pages/Page_1/Content.xml': undefined }), /缺少第2页的内容/);
  await refused('noroot.ofd', edited({ 'OFD.xml': '<ofd:OFD xmlns:ofd="x"><ofd:DocBody/></ofd:OFD>' }), /没有指明文档根节点/);
  await refused('locked.ofd', edited({ 'Encryptions.xml': '<ofd:Encryptions xmlns:ofd="x"/>' }), /OFD 已加密/);
  await refused('doctype.ofd', edited({ 'Doc_0/Pages/Page_0/Content.xml': `<!DOCTYPE x [<!ENTITY a "b">]>${page0()}` }), /DOCTYPE/);
  await refused('path.ofd', edited({ 'Doc_0/Pages/Page_0/Content.xml': page0().replace(/M 0 0 L/, 'M 0 0 X') }), /AbbreviatedData 含有未知命令/);
  await refused(
    'box.ofd',
    edited({
      'Doc_0/Pages/Page_0/Content.xml': page0().replace(
        '<ofd:Content>',
        '<ofd:Area><ofd:PhysicalBox>0 0 -1 297</ofd:PhysicalBox></ofd:Area><ofd:Content>',
      ),
    }),
    /页面大小/,
  );
  const nested = `${'<ofd:PageBlock ID="1">'.repeat(100)}${'</ofd:PageBlock>'.repeat(100)}`;
  await refused('nested.ofd', edited({ 'Doc_0/Pages/Page_0/Content.xml': page0().replace('</ofd:Layer>', `${nested}</ofd:Layer>`) }), /嵌套过深/);
  const deep = `${'<ofd:PageBlock>'.repeat(50_000)}${'</ofd:PageBlock>'.repeat(50_000)}`;
  await refused(
    'deep.ofd',
    edited({ 'Doc_0/Pages/Page_0/Content.xml': page0().replace('</ofd:Layer>', `${deep}</ofd:Layer>`) }),
    /嵌套过深|无法解析/,
  );
  const bomb = zipSync({ 'OFD.xml': strToU8('<x/>'), 'Doc_0/Document.xml': new Uint8Array(8 * 1024 * 1024).fill(0x20) }, { level: 9 });
  await refused('bomb.ofd', bomb, /压缩炸弹/);
});

// Regressions found by the OFD writer, true of PDF pages as well.
test('OFD: a page break right before 「（七）总计」 under a repeated header reads the total row, not the header', async () => {
  const r = randomReport(1, { format: '2021', max: 5000 });
  const back = await readReportBytes('total.ofd', renderOfd(r, { tableSize: 6.5, tableWidth: 0.8 }));
  const total = Object.keys(r.cells).filter((k) => k.startsWith('b.total.'));
  assert.deepEqual(
    total.map((k) => back.cells[k]?.value),
    total.map((k) => r.cells[k]?.value),
  );
  assert.ok((back.cells['b.total.total']?.source?.page ?? 0) > (back.cells['b.new.total']?.source?.page ?? 0), 'the total row on a later page');
});

test('OFD: a folio a little above the bottom margin (landscape) is not read as a value', async () => {
  const r = randomReport(4, { format: '2021', max: 5000 });
  blankZeros(r);
  const back = await readReportBytes('folio.ofd', renderOfd(r, { landscape: true }));
  assert.deepEqual(compareCells(back, expectAll(r)), []);
});
