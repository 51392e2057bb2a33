import { XMLParser } from 'fast-xml-parser';
import { type DocLine, ReadError, type SourceDocument } from '../document.ts';
import { Numbering } from './numbering.ts';
import { readZipParts } from './unzip.ts';

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function find(nodes: XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

/** Reads paragraphs and tables of a Word document body into lines. */
class BodyReader {
  readonly lines: DocLine[] = [];
  constructor(
    private readonly file: string,
    private readonly numbering: Numbering,
  ) {}

  /** Data tables read so far: a finding names the table, row and column of its cell. */
  private tables = 0;

  private push(text: string, cells?: string[], place?: { table: number; row: number; columns: number[] }): void {
    const line: DocLine = { text, source: { file: this.file, line: this.lines.length + 1 } };
    if (cells) line.cells = cells;
    if (place) {
      line.source = { ...line.source, table: place.table, row: place.row };
      line.cellSources = place.columns.map((cell) => ({ ...line.source, cell }));
    }
    this.lines.push(line);
  }

  blocks(nodes: XmlNode[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') for (const line of this.paragraph(node).split('\n')) this.push(line);
      else if (tag === 'w:tbl') this.table(node);
      else if (tag === 'w:sdt') this.blocks(childrenOf(find(childrenOf(node), 'w:sdtContent') ?? {}));
      else if (tag === 'w:customXml' || tag === 'w:ins') this.blocks(childrenOf(node));
    }
  }

  /** A paragraph's text with its automatic number; line breaks kept as newlines. */
  paragraph(p: XmlNode): string {
    const kids = childrenOf(p);
    const numPr = find(childrenOf(find(kids, 'w:pPr') ?? {}), 'w:numPr');
    let prefix = '';
    if (numPr) {
      const parts = childrenOf(numPr);
      const numId = find(parts, 'w:numId')?.[':@']?.['w:val'];
      const ilvl = Number(find(parts, 'w:ilvl')?.[':@']?.['w:val'] ?? 0);
      if (numId) prefix = this.numbering.next(numId, ilvl);
    }
    const out: string[] = [];
    const visit = (nodes: XmlNode[]) => {
      for (const n of nodes) {
        const tag = tagOf(n);
        if (tag === 'w:t')
          out.push(
            childrenOf(n)
              .map((c) => String(c['#text'] ?? ''))
              .join(''),
          );
        else if (tag === 'w:tab') out.push(' ');
        else if (tag === 'w:br' || tag === 'w:cr') out.push('\n');
        else if (tag === 'w:del' || tag === 'w:delText' || tag === 'w:instrText' || tag === 'w:pPr' || tag === 'w:rPr') continue;
        else visit(childrenOf(n));
      }
    };
    visit(kids);
    return prefix + out.join('');
  }

  private table(tbl: XmlNode): void {
    const rows = childrenOf(tbl).filter((n) => tagOf(n) === 'w:tr');
    const cellsOf = (tr: XmlNode) => childrenOf(tr).filter((n) => tagOf(n) === 'w:tc');
    if (rows.some((tr) => cellsOf(tr).some((tc) => find(childrenOf(tc), 'w:tbl')))) {
      // A layout table: its cells hold blocks, not values.
      for (const tr of rows) for (const tc of cellsOf(tr)) this.blocks(childrenOf(tc));
      return;
    }
    const table = ++this.tables;
    for (const [r, tr] of rows.entries()) {
      const cells: string[] = [];
      const columns: number[] = [];
      let column = 1;
      for (const tc of cellsOf(tr)) {
        const kids = childrenOf(tc);
        const props = childrenOf(find(kids, 'w:tcPr') ?? {});
        const vMerge = find(props, 'w:vMerge');
        const at = column;
        column += Math.max(1, Number(find(props, 'w:gridSpan')?.[':@']?.['w:val'] ?? 1) || 1);
        // A vertically merged continuation cell shows nothing: the value stands above it.
        if (vMerge && vMerge[':@']?.['w:val'] !== 'restart') continue;
        columns.push(at);
        const text = kids
          .filter((n) => tagOf(n) === 'w:p')
          .map((p) => this.paragraph(p).replace(/\n/g, ' '))
          .join(' ')
          .trim();
        cells.push(text);
      }
      if (cells.length > 0) this.push(cells.join(' ').trim(), cells, { table, row: r + 1, columns });
    }
  }
}

/**
 * Reads a DOCX directly from its OOXML: paragraphs with their automatic numbering, tables row
 * by row (merged cells once), nested layout tables flattened.
 */
export function readDocx(file: string, bytes: Uint8Array): SourceDocument {
  const parts = readZipParts(file, bytes, ['word/document.xml', 'word/numbering.xml']);
  const documentXml = parts.get('word/document.xml');
  if (!documentXml) throw new ReadError(file, 'ZIP 中没有 word/document.xml，不是 Word 文档', 'no word/document.xml: not a Word document');
  const decoder = new TextDecoder('utf-8');
  const xml = decoder.decode(documentXml);
  if (/<!DOCTYPE/i.test(xml.slice(0, 2048)))
    throw new ReadError(file, 'document.xml 含有 DOCTYPE 声明，已拒绝读取', 'DOCTYPE in document.xml refused');
  let tree: XmlNode[];
  try {
    tree = parser.parse(xml) as XmlNode[];
  } catch (error) {
    throw new ReadError(file, `document.xml 无法解析（${(error as Error).message}）`, 'malformed document.xml');
  }
  const numberingXml = parts.get('word/numbering.xml');
  const reader = new BodyReader(file, new Numbering(numberingXml ? decoder.decode(numberingXml) : undefined));
  const body = find(childrenOf(find(tree, 'w:document') ?? {}), 'w:body');
  if (!body) throw new ReadError(file, 'document.xml 中没有正文（w:body）', 'no w:body in document.xml');
  reader.blocks(childrenOf(body));
  return { file, kind: 'docx', lines: reader.lines, messages: [] };
}
