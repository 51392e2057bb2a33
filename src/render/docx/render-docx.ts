import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { formatOf, type Report } from '../../report/index.ts';
import { type LayoutCell, tableLayout } from '../layout.ts';
import { chineseDate, reportTitle, sectionsToRender } from '../text.ts';

// Official fonts by name, so Word and WPS show them where installed.
const FONT = { body: '仿宋_GB2312', title: '方正小标宋简体', heading: '黑体', subheading: '楷体_GB2312', latin: 'Times New Roman' };
// Sizes in half-points: 2号 22pt, 3号 16pt, 5号 10.5pt.
const SIZE = { title: 44, body: 32, table: 21, footer: 28 };
// A4 and the margins of GB/T 9704 in twips (1 mm = 56.7 twips): top 37, bottom 35, left 28, right 26.
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 };
const SUBHEADING = /^[（(][一二三四五六七八九十]+[)）]/;

/** Options of the Word document: the page and the tables' type, as agencies' documents vary them. */
export interface DocxOptions {
  /** A4 landscape instead of portrait. */
  landscape?: boolean;
  /** The font of Latin letters and digits (the template's Times New Roman). */
  latinFont?: string;
  /** The size of the tables' text in points (5号, 10.5 pt). */
  tableSizePt?: number;
  /** The tables' width as a share of the text width (1; more runs past the margin and the page). */
  tableWidth?: number;
  /** Repeat the tables' header rows on every page (true). */
  repeatHeader?: boolean;
  /** Keep table 三 on one page, moving it to the next whole rather than split it (true). */
  keepTableB?: boolean;
}

/** What the options settle: the Latin font, the table text size, the page. */
interface Style {
  latin: string;
  tableSize: number;
  tableWidth: number;
  repeatHeader: boolean;
  keepTableB: boolean;
  page: { width: number; height: number };
}

function styleOf(options: DocxOptions): Style {
  return {
    latin: options.latinFont ?? FONT.latin,
    tableSize: options.tableSizePt ? Math.round(options.tableSizePt * 2) : SIZE.table,
    tableWidth: options.tableWidth ?? 1,
    repeatHeader: options.repeatHeader ?? true,
    keepTableB: options.keepTableB ?? true,
    page: options.landscape ? { width: PAGE.height, height: PAGE.width } : { width: PAGE.width, height: PAGE.height },
  };
}

function run(text: string, font: string, size: number, style: Style): TextRun {
  return new TextRun({ text, size, font: { eastAsia: font, ascii: style.latin, hAnsi: style.latin } });
}

function paragraph(text: string, style: Style, keepNext = false): Paragraph {
  const sub = SUBHEADING.test(text) && text.length <= 40;
  return new Paragraph({
    children: [run(text, sub ? FONT.subheading : FONT.body, SIZE.body, style)],
    keepNext,
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: 560, lineRule: 'exact' },
  });
}

function cell(c: LayoutCell, style: Style, keepNext = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, keepNext, children: [run(c.text, FONT.body, style.tableSize, style)] })],
    verticalAlign: VerticalAlign.CENTER,
    ...(c.colSpan ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
  });
}

function table(report: Report, id: 'a' | 'b' | 'c', style: Style): Table {
  const layout = tableLayout(formatOf(report), report, id);
  // Table 三 fits one A4 page: every row but the last keeps with the next, so Word moves the
  // table to a new page whole instead of splitting 「三、本年度办理结果」 after one row.
  const keep = (last: boolean) => id === 'b' && style.keepTableB && !last;
  const rows = [
    ...layout.head.map(
      (r) => new TableRow({ children: r.map((c) => cell(c, style, keep(false))), tableHeader: style.repeatHeader, cantSplit: true }),
    ),
    ...layout.body.map((r, i) => new TableRow({ children: r.map((c) => cell(c, style, keep(i === layout.body.length - 1))), cantSplit: true })),
  ];
  const usable = Math.round((style.page.width - PAGE.left - PAGE.right) * style.tableWidth);
  const total = layout.widths.reduce((a, b) => a + b, 0);
  return new Table({ rows, width: { size: usable, type: WidthType.DXA }, columnWidths: layout.widths.map((w) => Math.floor((usable * w) / total)) });
}

/**
 * Renders a report as a Word document in the standard layout: A4 with official margins, the
 * title in 方正小标宋简体 2号, body in 仿宋_GB2312 3号, headings in 黑体, the three tables with the
 * standard's merged cells (gridSpan/vMerge), and page numbers. Options vary the page and the
 * tables' type the way agencies' own documents do.
 */
export async function renderDocx(report: Report, options: DocxOptions = {}): Promise<Uint8Array> {
  const style = styleOf(options);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 320 }, children: [run(reportTitle(report), FONT.title, SIZE.title, style)] }),
  ];
  const date = chineseDate(report.meta.date);
  const signOff = [report.meta.agency ?? '', date].filter(Boolean);
  const sections = sectionsToRender(report);
  for (const [n, section] of sections.entries()) {
    // A heading keeps with what follows it.
    children.push(new Paragraph({ indent: { firstLine: 640 }, keepNext: true, children: [run(section.heading, FONT.heading, SIZE.body, style)] }));
    for (const [i, p] of section.paragraphs.entries()) {
      // The last paragraph keeps with the sign-off.
      children.push(paragraph(p, style, n === sections.length - 1 && i === section.paragraphs.length - 1 && signOff.length > 0));
    }
    if (section.table) children.push(table(report, section.table, style), new Paragraph({ children: [] }));
  }
  for (const [i, line] of signOff.entries()) {
    children.push(
      new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: i < signOff.length - 1, children: [run(line, FONT.body, SIZE.body, style)] }),
    );
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.footer, font: style.latin })],
      }),
    ],
  });
  const doc = new Document({
    creator: 'gongkai',
    title: reportTitle(report),
    styles: { default: { document: { run: { size: SIZE.body, font: { eastAsia: FONT.body, ascii: style.latin, hAnsi: style.latin } } } } },
    sections: [
      {
        properties: {
          page: {
            // The docx package swaps width and height itself for landscape: give the portrait size.
            size: { width: PAGE.width, height: PAGE.height, ...(options.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
