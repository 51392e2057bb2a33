import { AlignmentType, Document, Packer, Paragraph, type Table, TextRun } from 'docx';

// The official fonts by name (GB/T 9704): title 方正小标宋简体 2号, body 仿宋_GB2312 3号, first-level
// headings 黑体, second-level 楷体_GB2312; 宋体 the fallback Word and WPS substitute.
export const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', subheading: '楷体_GB2312', latin: 'Times New Roman' };
// Half-points: 2号 22pt, 3号 16pt.
export const SIZE = { title: 44, body: 32 };
// A4 with the margins of GB/T 9704, in twips.
export const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 };

/** A letter as it is laid out: title, the lines under it (编号, addressee, body), the sign-off. */
export interface LetterDocument {
  title: string;
  /** The first is the 编号 line (right-aligned), the second the addressee (flush left); the rest are body paragraphs. */
  paragraphs: readonly string[];
  signature: readonly string[];
}

// Characters XML 1.0 cannot hold: one in document.xml and Word refuses the whole file.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * A run of text in an official font (the east-Asian font by name, Latin in Times New Roman);
 * control characters (from a document read, a name typed) are dropped.
 */
export function run(text: string, font: string, size: number): TextRun {
  return new TextRun({ text: text.replace(NOT_XML, ''), size, font: { eastAsia: font, ascii: FONT.latin, hAnsi: FONT.latin } });
}

/** The body's fixed line pitch (28 pt). */
export const LINE = { line: 560, lineRule: 'exact' } as const;

/** The title: centred, 方正小标宋简体 2号. */
export function titleParagraph(title: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 320 }, children: [run(title, FONT.title, SIZE.title)] });
}

/** A body paragraph: 仿宋_GB2312 3号, two characters' indent, justified, at the fixed pitch. */
export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    spacing: LINE,
    children: [run(text, FONT.body, SIZE.body)],
  });
}

/** The sign-off (agency, date): right-aligned, kept together. */
export function signatureParagraphs(lines: readonly string[]): Paragraph[] {
  return lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: LINE,
        keepNext: i < lines.length - 1,
        indent: { right: 640 },
        children: [run(line, FONT.body, SIZE.body)],
      }),
  );
}

/**
 * Renders a letter (告知书, 答复书, 意见函) as a Word document in the layout of official
 * documents: A4, the title centred in 方正小标宋简体 2号, the body in 仿宋_GB2312 3号 with a
 * 28.8 pt fixed line pitch and two-character indent, the agency and date right-aligned.
 */
export async function renderLetter(letter: LetterDocument): Promise<Uint8Array> {
  const [reference = '', addressee = '', ...body] = letter.paragraphs;
  const children = [
    titleParagraph(letter.title),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [run(reference, FONT.body, SIZE.body)] }),
    new Paragraph({ spacing: LINE, children: [run(addressee, FONT.body, SIZE.body)] }),
    ...body.map(bodyParagraph),
    new Paragraph({ children: [] }),
    ...signatureParagraphs(letter.signature),
  ];
  return officialDocx(letter.title, children);
}

/** A Word document of official layout: A4 with GB/T 9704 margins, the body font and size by default. */
export async function officialDocx(title: string, children: (Paragraph | Table)[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'gongkai',
    title,
    styles: { default: { document: { run: { font: { eastAsia: FONT.body, ascii: FONT.latin, hAnsi: FONT.latin }, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
