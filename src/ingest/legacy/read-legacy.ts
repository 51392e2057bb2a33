import { ReadError, type SourceDocument } from '../document.ts';
import { readDocx } from '../docx/read-docx.ts';
import { ConvertError, type ConvertOptions, convertToDocx, LIBREOFFICE_PACKAGE } from './convert.ts';
import { OleError, type OleStream, oleStreams } from './ole.ts';

/** What a compound file holds, told by its streams. */
export type LegacyKind = 'doc' | 'wps';

// Kingsoft WPS writes its build into the document's custom properties under this name (plain or
// UTF-16 text, outside the body text, where a name of a product could stand in a report).
const KINGSOFT_MARKS = [Buffer.from('KSOProductBuildVer', 'latin1'), Buffer.from('KSOProductBuildVer', 'utf16le')];

const NAMES: Record<LegacyKind, string> = { doc: '旧版 Word 文档（.doc）', wps: 'WPS 文字文档（.wps）' };

/**
 * Tells a word processing document from the other compound files (Excel, PowerPoint, an
 * encrypted DOCX), and Kingsoft WPS from Word: both keep the Word binary format in a
 * WordDocument stream; WPS marks its files with its product build. Microsoft Works (.wps,
 * a CONTENTS stream) is a legacy word processing document too.
 */
export function legacyKind(file: string, bytes: Uint8Array, streams: readonly OleStream[]): LegacyKind {
  const has = (name: string) => streams.some((s) => s.name === name);
  if (has('EncryptionInfo') || has('EncryptedPackage'))
    throw new ReadError(file, 'Office 文档已加密（需要密码），无法读取', 'encrypted Office document (password required)');
  const word = streams.find((s) => s.name === 'WordDocument');
  if (word) {
    // FIB: wIdent A5EC, then fEncrypted (bit 8 of the flags at offset 10).
    const head = word.head;
    if (head && head.length >= 12 && head[0] === 0xec && head[1] === 0xa5 && ((head[11] as number) & 0x01) !== 0)
      throw new ReadError(file, 'Word 文档已加密（需要密码），无法读取', 'encrypted Word document (password required)');
    const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return KINGSOFT_MARKS.some((mark) => raw.includes(mark)) ? 'wps' : 'doc';
  }
  if (has('CONTENTS')) return 'wps';
  if (has('Workbook') || has('Book')) throw new ReadError(file, '这是 Excel 表格（.xls），不是报告文档', 'an Excel workbook, not a report document');
  if (has('PowerPoint Document'))
    throw new ReadError(file, '这是 PowerPoint 演示文稿（.ppt），不是报告文档', 'a PowerPoint file, not a report document');
  throw new ReadError(file, '这是 OLE 复合文档，但不是 Word 或 WPS 文档', 'a compound file, but not a Word or WPS document');
}

/**
 * Reads a legacy word processing file (Word .doc, Kingsoft .wps): recognised by its content,
 * converted to DOCX by LibreOffice and read as DOCX. The document's kind says what it was,
 * and a finding says it was converted. A corrupt, truncated or encrypted file, a missing
 * LibreOffice or a conversion over the time limit is a ReadError saying which.
 */
export async function readLegacy(file: string, bytes: Uint8Array, options: ConvertOptions = {}): Promise<SourceDocument> {
  let streams: OleStream[];
  try {
    streams = oleStreams(bytes);
  } catch (error) {
    if (error instanceof OleError) throw new ReadError(file, `旧版 Office 文件损坏：${error.message}`, 'corrupt compound file');
    throw error;
  }
  const kind = legacyKind(file, bytes, streams);
  let docx: Uint8Array;
  try {
    docx = await convertToDocx(bytes, kind, options);
  } catch (error) {
    if (!(error instanceof ConvertError)) throw error;
    if (error.kind === 'absent')
      throw new ReadError(
        file,
        `读取${NAMES[kind]}需要 LibreOffice，本机未安装（Debian 软件包 ${LIBREOFFICE_PACKAGE}）；请安装后重试，或将文件另存为 .docx 或 PDF`,
        `LibreOffice is needed (Debian package ${LIBREOFFICE_PACKAGE})`,
      );
    if (error.kind === 'timeout') throw new ReadError(file, `LibreOffice 转换${NAMES[kind]}超时，已停止`, `conversion timed out (${error.message})`);
    throw new ReadError(file, `LibreOffice 无法转换此${NAMES[kind]}（文件可能已损坏）`, `LibreOffice could not convert it (${error.message})`);
  }
  let doc: SourceDocument;
  try {
    doc = readDocx(file, docx);
  } catch (error) {
    if (error instanceof ReadError) throw new ReadError(file, `${NAMES[kind]}转换后无法读取：${error.reason}`, error.reasonEn);
    throw error;
  }
  return {
    ...doc,
    kind,
    messages: [
      ...doc.messages,
      {
        rule: 'converted',
        severity: 'info',
        message: `${NAMES[kind]}已由 LibreOffice 转换为 DOCX 后读取，单元格位置按转换后的文档给出`,
        source: { file },
      },
    ],
  };
}
