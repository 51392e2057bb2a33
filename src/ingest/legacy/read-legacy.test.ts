// Legacy word processing files: .doc files saved by LibreOffice from our DOCX of random reports
// read back to every cell through LibreOffice's conversion to DOCX; broken ones are refused.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { before, test } from 'node:test';
import { renderDocx } from '../../render/index.ts';
import type { Report } from '../../report/index.ts';
import { compareCells, describeMismatches, expectAll } from '../../testing/pdf-expect.ts';
import { randomReport } from '../../testing/random-report.ts';
import { libreOfficeConvert } from '../../testing/tools.ts';
import { ReadError } from '../document.ts';
import { readReportBytes } from '../read-report.ts';
import { oleStreams } from './ole.ts';
import { legacyKind, readLegacy } from './read-legacy.ts';

let reports: Report[] = [];
let docs: Uint8Array[] = [];

before(async () => {
  reports = [randomReport(11), randomReport(12, { format: '2019', blanks: true }), randomReport(13, { max: 5000 })];
  docs = libreOfficeConvert(await Promise.all(reports.map((r) => renderDocx(r))), 'doc');
});

const temporaryFolders = () => readdirSync(tmpdir()).filter((f) => f.startsWith('gongkai-convert-')).length;

function refusedWith(reason: RegExp): (e: unknown) => boolean {
  return (e: unknown) => {
    assert.ok(e instanceof ReadError, String(e));
    assert.equal(e.code, 'unreadable');
    assert.match(e.reason, reason);
    return true;
  };
}

test('.doc saved by LibreOffice from our DOCX reads back to every cell, converted and said so', async () => {
  const folders = temporaryFolders();
  // Read at once: each conversion has its own LibreOffice profile.
  const backs = await Promise.all(docs.map((doc, i) => readReportBytes(i === 0 ? 'report.docx' : `report-${i}.doc`, doc)));
  backs.forEach((back, i) => {
    const report = reports[i] as Report;
    const mismatches = compareCells(back, expectAll(report));
    assert.equal(mismatches.length, 0, `report ${i}:\n${describeMismatches(mismatches)}`);
    assert.equal(back.meta.agency, report.meta.agency);
    assert.equal(back.meta.year, report.meta.year);
    assert.equal(back.meta.format, report.meta.format);
    assert.equal(back.meta.source.kind, 'doc');
    assert.match(back.messages.find((m) => m.rule === 'converted')?.message ?? '', /旧版 Word 文档（\.doc）已由 LibreOffice 转换为 DOCX 后读取/);
  });
  assert.equal(temporaryFolders(), folders, 'temporary folders removed');
});

test('a .doc marked by Kingsoft WPS is read as a WPS document', async () => {
  // Kingsoft keeps its build in the document properties; here the mark is appended past the
  // last sector, where it changes nothing LibreOffice reads.
  const doc = docs[0] as Uint8Array;
  const wps = new Uint8Array([...doc, ...Buffer.from('KSOProductBuildVer', 'utf16le')]);
  assert.equal(legacyKind('x.wps', wps, oleStreams(wps)), 'wps');
  assert.equal(legacyKind('x.doc', doc, oleStreams(doc)), 'doc');
  const back = await readReportBytes('report.wps', wps);
  assert.equal(back.meta.source.kind, 'wps');
  assert.deepEqual(compareCells(back, expectAll(reports[0] as Report)), []);
});

test('truncated, encrypted and other compound files are refused naming the problem', async () => {
  const doc = docs[0] as Uint8Array;
  await assert.rejects(
    readReportBytes('cut.doc', doc.subarray(0, Math.floor(doc.length / 2))),
    refusedWith(/旧版 Office 文件损坏：文件不完整（被截断）/),
  );
  await assert.rejects(readReportBytes('head.doc', doc.subarray(0, 300)), refusedWith(/旧版 Office 文件损坏/));
  const word = oleStreams(doc).find((s) => s.name === 'WordDocument')?.head as Uint8Array;
  const locked = new Uint8Array(doc);
  locked[word.byteOffset - doc.byteOffset + 11] = (locked[word.byteOffset - doc.byteOffset + 11] as number) | 1;
  await assert.rejects(readReportBytes('locked.doc', locked), refusedWith(/Word 文档已加密/));
  assert.throws(
    () =>
      legacyKind('book.xls', doc, [
        { name: 'Root Entry', size: 0 },
        { name: 'Workbook', size: 9000 },
      ]),
    refusedWith(/Excel 表格/),
  );
  assert.throws(
    () =>
      legacyKind('secret.docx', doc, [
        { name: 'EncryptionInfo', size: 200 },
        { name: 'EncryptedPackage', size: 9000 },
      ]),
    refusedWith(/已加密/),
  );
});

test('without LibreOffice, or over the time limit, a .doc is refused saying why', async () => {
  const doc = docs[0] as Uint8Array;
  await assert.rejects(
    readLegacy('old.doc', doc, { soffice: '/nonexistent/soffice' }),
    refusedWith(/需要 LibreOffice，本机未安装（Debian 软件包 libreoffice-writer-nogui）/),
  );
  const folders = temporaryFolders();
  await assert.rejects(readLegacy('slow.doc', doc, { timeoutMs: 300 }), refusedWith(/转换.*超时/));
  assert.equal(temporaryFolders(), folders, 'temporary folder removed after a timeout');
});
