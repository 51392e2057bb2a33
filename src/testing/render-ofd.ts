// An OFD writer for tests (GB/T 33190): lays a report out on A4 pages the way OFD producers
// (office suites' «save as OFD», format converters) write them — one TextObject per line of
// text with per-glyph advances, table borders as PathObjects — so the reader is tested on files
// whose every cell is known.
import { strToU8, zipSync } from 'fflate';
import { formatOf, type Report } from '../report/index.ts';
import { chineseDate, type LayoutCell, reportTitle, sectionsToRender, tableLayout } from '../render/index.ts';

/** How the borders of table cells are drawn. */
export type OfdRulings = 'cell-rects' | 'lines' | 'filled';

/** Layout choices of a generated OFD: the ways producers differ. */
export interface OfdOptions {
  /** Body text size (mm). */
  bodySize?: number;
  /** Table text size (mm): large sizes wrap numbers over lines in narrow cells. */
  tableSize?: number;
  /** Table width as a share of the text width. */
  tableWidth?: number;
  rulings?: OfdRulings;
  /** Write equal advances as `g n d` (as many producers do). */
  compressDeltas?: boolean;
  /** Text in points scaled by a CTM instead of in millimetres. */
  ctm?: boolean;
  /** Each glyph its own TextCode placed by X, without advances (as some converters write). */
  perGlyph?: boolean;
  /** Repeat a table's header rows on the page it continues on (default true). */
  repeatHeader?: boolean;
  landscape?: boolean;
  /** Paragraphs of filler before table B (moves its page break). */
  filler?: number;
  /** Pages that show only an image (a scan saved as OFD). */
  imageOnly?: boolean;
  /** With `imageOnly`: each page shows this image (PNG or JPEG; a scan of it) instead of a blank one. */
  pageImages?: readonly Uint8Array[];
}

const NS = 'http://www.ofdspec.org/2016';
const FILLER = '本机关严格按照条例规定的程序和时限办理政府信息公开申请，做到依法答复、规范答复，答复文书要素齐全、说理充分。';
// A 1×1 grey PNG: what the image-only pages show does not matter to the reader.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

/** The producer's font metric: ideographs and full-width forms one em, the rest half an em. */
function advance(ch: string, size: number): number {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x2e80 || (code >= 0xff00 && code <= 0xffef) ? size : size / 2;
}

function widthOf(text: string, size: number): number {
  return [...text].reduce((w, ch) => w + advance(ch, size), 0);
}

/** Lines of a text broken anywhere to fit a width (as in a table cell with break-all). */
function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && widthOf(line + ch, size) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const f = (n: number) => String(Math.round(n * 1000) / 1000);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Page {
  objects: string[];
}

/** A grid cell of a laid-out table. */
interface Placed {
  r: number;
  c: number;
  rs: number;
  cs: number;
  cell: LayoutCell;
}

function place(rows: LayoutCell[][]): Placed[] {
  const taken: boolean[][] = [];
  const out: Placed[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken[r]?.[c]) c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) (taken[r + dr] ??= [])[c + dc] = true;
      out.push({ r, c, rs, cs, cell });
      c += cs;
    }
  });
  return out;
}

class Writer {
  readonly pages: Page[] = [];
  private id = 10;
  private y = 0;
  readonly width: number;
  readonly height: number;
  private readonly left = 28;
  private readonly top = 37;
  private readonly bottom: number;
  readonly textWidth: number;

  constructor(private readonly o: Required<OfdOptions>) {
    this.width = o.landscape ? 297 : 210;
    this.height = o.landscape ? 210 : 297;
    this.bottom = this.height - 35;
    this.textWidth = this.width - 28 - 26;
    this.newPage();
  }

  nextId(): number {
    return ++this.id;
  }

  get maxId(): number {
    return this.id;
  }

  private get page(): Page {
    return this.pages[this.pages.length - 1] as Page;
  }

  newPage(): void {
    this.pages.push({ objects: [] });
    this.y = this.top;
  }

  /** Room for `h` mm below the cursor, or a new page. */
  need(h: number): void {
    if (this.y + h > this.bottom) this.newPage();
  }

  room(): number {
    return this.bottom - this.y;
  }

  /** One line of text with its baseline at `baseline`. */
  text(str: string, x: number, baseline: number, size: number, page = this.page): void {
    const chars = [...str];
    if (chars.length === 0) return;
    const k = this.o.ctm ? 25.4 / 72 : 1;
    const advances = chars.slice(0, -1).map((ch) => advance(ch, size) / k);
    let delta = '';
    if (this.o.compressDeltas && advances.length > 1 && advances.every((a) => a === advances[0]))
      delta = `g ${advances.length} ${f(advances[0] as number)}`;
    else delta = advances.map(f).join(' ');
    const box = `${f(x)} ${f(baseline - size)} ${f(widthOf(str, size))} ${f(size * 1.25)}`;
    const ctm = this.o.ctm ? ` CTM="${f(k)} 0 0 ${f(k)} 0 0"` : '';
    let codes = `<ofd:TextCode X="0" Y="${f(size / k)}"${delta ? ` DeltaX="${delta}"` : ''}>${esc(str)}</ofd:TextCode>`;
    if (this.o.perGlyph) {
      let x = 0;
      codes = chars
        .map((ch) => {
          const code = `<ofd:TextCode X="${f(x / k)}" Y="${f(size / k)}">${esc(ch)}</ofd:TextCode>`;
          x += advance(ch, size);
          return code;
        })
        .join('');
    }
    page.objects.push(
      `<ofd:TextObject ID="${this.nextId()}" Boundary="${box}" Font="2" Size="${f(size / k)}"${ctm}><ofd:FillColor Value="0 0 0"/>${codes}</ofd:TextObject>`,
    );
  }

  /** A paragraph wrapped to the text width, the first line indented two characters. */
  paragraph(str: string, size: number, options: { center?: boolean; indent?: boolean } = {}): void {
    const lineHeight = size * 1.6;
    const indent = options.indent === false || options.center ? 0 : 2 * size;
    const lines = wrap(str, this.textWidth - indent, size);
    lines.forEach((line, i) => {
      this.need(lineHeight);
      const w = widthOf(line, size);
      const x = options.center ? this.left + (this.textWidth - w) / 2 : this.left + (i === 0 ? indent : 0);
      this.text(line, x, this.y + size * 1.2, size);
      this.y += lineHeight;
    });
  }

  /** A straight border from (x1, y1) to (x2, y2), drawn as the options say. */
  ruling(page: Page, x1: number, y1: number, x2: number, y2: number): void {
    const lw = 0.25;
    if (this.o.rulings === 'filled') {
      const [l, t, r, b] = y1 === y2 ? [x1, y1 - lw / 2, x2, y1 + lw / 2] : [x1 - lw / 2, y1, x1 + lw / 2, y2];
      page.objects.push(
        `<ofd:PathObject ID="${this.nextId()}" Boundary="${f(l)} ${f(t)} ${f(r - l)} ${f(b - t)}" Stroke="false" Fill="true">` +
          `<ofd:FillColor Value="0 0 0"/><ofd:AbbreviatedData>M 0 0 L ${f(r - l)} 0 L ${f(r - l)} ${f(b - t)} L 0 ${f(b - t)} C</ofd:AbbreviatedData></ofd:PathObject>`,
      );
      return;
    }
    const [l, t] = [Math.min(x1, x2), Math.min(y1, y2)];
    page.objects.push(
      `<ofd:PathObject ID="${this.nextId()}" Boundary="${f(l)} ${f(t)} ${f(Math.abs(x2 - x1))} ${f(Math.abs(y2 - y1))}" LineWidth="${lw}">` +
        `<ofd:AbbreviatedData>M ${f(x1 - l)} ${f(y1 - t)} L ${f(x2 - l)} ${f(y2 - t)}</ofd:AbbreviatedData></ofd:PathObject>`,
    );
  }

  /** A cell's box as a closed rectangle path. */
  rect(page: Page, x0: number, y0: number, x1: number, y1: number): void {
    const [w, h] = [x1 - x0, y1 - y0];
    page.objects.push(
      `<ofd:PathObject ID="${this.nextId()}" Boundary="${f(x0)} ${f(y0)} ${f(w)} ${f(h)}" LineWidth="0.25">` +
        `<ofd:AbbreviatedData>M 0 0 L ${f(w)} 0 L ${f(w)} ${f(h)} L 0 ${f(h)} C</ofd:AbbreviatedData></ofd:PathObject>`,
    );
  }

  /** A table: rows laid out by their text, broken over pages where no merged cell's text would be cut. */
  table(head: LayoutCell[][], body: LayoutCell[][], widths: number[]): void {
    const size = this.o.tableSize;
    const lh = size * 1.3;
    const [padH, padV] = [1.2, 0.8];
    const total = widths.reduce((a, b) => a + b, 0);
    const tableWidth = this.textWidth * this.o.tableWidth;
    const xs = [this.left];
    for (const w of widths) xs.push((xs[xs.length - 1] as number) + (tableWidth * w) / total);
    const rows = [...head, ...body];
    const cells = place(rows);
    const lines = new Map<Placed, string[]>(
      cells.map((p) => [p, wrap(p.cell.text, (xs[p.c + p.cs] as number) - (xs[p.c] as number) - 2 * padH, size)]),
    );
    const need = (p: Placed) => Math.max(1, (lines.get(p) as string[]).length) * lh + 2 * padV;
    const heights = rows.map((_, r) => Math.max(lh + 2 * padV, ...cells.filter((p) => p.r === r && p.rs === 1).map(need)));
    for (const p of cells.filter((c) => c.rs > 1)) {
      const have = heights.slice(p.r, p.r + p.rs).reduce((a, b) => a + b, 0);
      if (have < need(p)) heights[p.r + p.rs - 1] = (heights[p.r + p.rs - 1] as number) + need(p) - have;
    }
    const height = (a: number, b: number) => heights.slice(a, b).reduce((s, h) => s + h, 0);
    // A break before row r is allowed when every merged cell across it keeps its text above.
    const breakable = (r: number) => r > head.length && cells.every((p) => !(p.r < r && r < p.r + p.rs) || height(p.r, r) >= need(p));
    let start = 0;
    let repeat = false;
    while (start < rows.length) {
      const headRows = repeat ? head.length : 0;
      const room = this.room() - (repeat ? height(0, head.length) : 0);
      let end = start;
      while (end < rows.length && height(start, end + 1) <= room) end++;
      if (end < rows.length) while (end > start && !breakable(end)) end--;
      if (end === start) {
        if (this.y === this.top) throw new Error('a table row does not fit on a page');
        this.newPage();
        repeat = start > 0 && this.o.repeatHeader;
        continue;
      }
      const segments: [number, number][] =
        headRows > 0
          ? [
              [0, head.length],
              [start, end],
            ]
          : [[start, end]];
      this.drawRows(cells, lines, segments, xs, heights, { size, lh, padH });
      start = end;
      if (start < rows.length) {
        this.newPage();
        repeat = this.o.repeatHeader;
      }
    }
    this.y += 4;
  }

  private drawRows(
    cells: Placed[],
    lines: Map<Placed, string[]>,
    segments: [number, number][],
    xs: number[],
    heights: number[],
    m: { size: number; lh: number; padH: number },
  ): void {
    const page = this.page;
    const edges: { h: boolean; at: number; from: number; to: number }[] = [];
    for (const [a, b] of segments) {
      const top = this.y;
      const rowY = (r: number) => top + heights.slice(a, r).reduce((s, h) => s + h, 0);
      for (const p of cells) {
        const [r0, r1] = [Math.max(p.r, a), Math.min(p.r + p.rs, b)];
        if (r0 >= r1) continue;
        const [x0, x1, y0, y1] = [xs[p.c] as number, xs[p.c + p.cs] as number, rowY(r0), rowY(r1)];
        if (this.o.rulings === 'cell-rects') this.rect(page, x0, y0, x1, y1);
        else
          edges.push(
            { h: true, at: y0, from: x0, to: x1 },
            { h: true, at: y1, from: x0, to: x1 },
            { h: false, at: x0, from: y0, to: y1 },
            { h: false, at: x1, from: y0, to: y1 },
          );
        if (r0 !== p.r) continue;
        const text = lines.get(p) as string[];
        // Whole cells centre their text; the first part of a cell broken by the page holds it at its top.
        const whole = r1 === p.r + p.rs;
        const top = whole ? y0 + (y1 - y0 - text.length * m.lh) / 2 : y0 + 0.8;
        text.forEach((line, i) => {
          const w = widthOf(line, m.size);
          const centre = p.cell.key !== undefined || p.cell.header;
          const x = centre ? x0 + (x1 - x0 - w) / 2 : x0 + m.padH;
          this.text(line, x, top + i * m.lh + m.size * 1.05, m.size, page);
        });
      }
      this.y = rowY(b);
    }
    // Borders shared by neighbouring cells are drawn once, joined into long lines.
    const key = (e: (typeof edges)[number]) => `${e.h}:${f(e.at)}`;
    const groups = new Map<string, (typeof edges)[number][]>();
    for (const e of edges) groups.set(key(e), [...(groups.get(key(e)) ?? []), e]);
    for (const group of groups.values()) {
      group.sort((p, q) => p.from - q.from);
      let cur = { ...(group[0] as (typeof edges)[number]) };
      const flush = () => (cur.h ? this.ruling(page, cur.from, cur.at, cur.to, cur.at) : this.ruling(page, cur.at, cur.from, cur.at, cur.to));
      for (const e of group.slice(1)) {
        if (e.from <= cur.to + 0.01) cur.to = Math.max(cur.to, e.to);
        else {
          flush();
          cur = { ...e };
        }
      }
      flush();
    }
  }

  /** The page numbers at the foot of each page, as Chinese official documents print them. */
  folios(): void {
    const size = 3.5;
    this.pages.forEach((page, i) => {
      const label = `— ${i + 1} —`;
      this.text(label, (this.width - widthOf(label, size)) / 2, this.height - 20, size, page);
    });
  }
}

/** A page image's file name in the package, by its kind (PNG's signature, else JPEG). */
const pageImageName = (image: Uint8Array, i: number) => `page_${i}.${image[0] === 0x89 ? 'png' : 'jpg'}`;

/** The OFD package of a report laid out on A4 pages (a ZIP of XML, GB/T 33190). */
export function renderOfd(report: Report, options: OfdOptions = {}): Uint8Array {
  const o: Required<OfdOptions> = {
    bodySize: 4.2,
    tableSize: 3.2,
    tableWidth: 1,
    rulings: 'lines',
    compressDeltas: false,
    ctm: false,
    perGlyph: false,
    repeatHeader: true,
    landscape: false,
    filler: 0,
    imageOnly: false,
    pageImages: [],
    ...options,
  };
  const w = new Writer(o);
  const format = formatOf(report);
  w.paragraph(reportTitle(report), 6, { center: true });
  for (const section of sectionsToRender(report)) {
    w.need(o.bodySize * 3);
    w.paragraph(section.heading, o.bodySize, { indent: false });
    const paragraphs = section.id === 3 ? [...Array(o.filler).fill(FILLER), ...section.paragraphs] : section.paragraphs;
    for (const p of paragraphs) w.paragraph(p, o.bodySize);
    if (section.table) {
      const layout = tableLayout(format, report, section.table);
      w.table(layout.head, layout.body, layout.widths);
    }
  }
  if (report.meta.agency) w.paragraph(report.meta.agency, o.bodySize, { indent: false });
  const date = chineseDate(report.meta.date);
  if (date) w.paragraph(date, o.bodySize, { indent: false });
  w.folios();

  const files: Record<string, Uint8Array> = {};
  const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n${s}`);
  const box = `0 0 ${w.width} ${w.height}`;
  // The entry file first, as producers write it.
  files['OFD.xml'] = xml(
    `<ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>${report.meta.year ?? 0}</ofd:DocID>` +
      `<ofd:Title>${esc(reportTitle(report))}</ofd:Title><ofd:Creator>gongkai tests</ofd:Creator></ofd:DocInfo>` +
      `<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  w.pages.forEach((page, i) => {
    const objects = o.imageOnly
      ? [`<ofd:ImageObject ID="${w.nextId()}" Boundary="${box}" CTM="${w.width} 0 0 ${w.height} 0 0" ResourceID="${o.pageImages[i] ? 100 + i : 3}"/>`]
      : page.objects;
    const area = o.landscape ? `<ofd:Area><ofd:PhysicalBox>${box}</ofd:PhysicalBox></ofd:Area>` : '';
    files[`Doc_0/Pages/Page_${i}/Content.xml`] = xml(
      `<ofd:Page xmlns:ofd="${NS}">${area}<ofd:Content><ofd:Layer ID="${w.nextId()}" Type="Body">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
  });
  const pages = w.pages.map((_, i) => `<ofd:Page ID="${w.nextId()}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('');
  files['Doc_0/Document.xml'] = xml(
    `<ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>${w.maxId + 1}</ofd:MaxUnitID>` +
      `<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>` +
      `<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData><ofd:Pages>${pages}</ofd:Pages></ofd:Document>`,
  );
  files['Doc_0/PublicRes.xml'] = xml(
    `<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
  );
  files['Doc_0/DocumentRes.xml'] = xml(
    `<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="3" Type="Image"><ofd:MediaFile>scan.png</ofd:MediaFile></ofd:MultiMedia>` +
      o.pageImages
        .map((image, i) => `<ofd:MultiMedia ID="${100 + i}" Type="Image"><ofd:MediaFile>${pageImageName(image, i)}</ofd:MediaFile></ofd:MultiMedia>`)
        .join('') +
      `</ofd:MultiMedias></ofd:Res>`,
  );
  if (o.imageOnly) files['Doc_0/Res/scan.png'] = PNG;
  o.pageImages.forEach((image, i) => (files[`Doc_0/Res/${pageImageName(image, i)}`] = image));
  return zipSync(files, { level: 6 });
}
