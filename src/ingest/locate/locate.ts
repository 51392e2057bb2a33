import { FORMATS, type FormatId, type FormatSpec, getFormat, looksTraditional, type TableId } from '../../format/index.ts';
import type { Cell, Finding, Report, TableInfo } from '../../report/index.ts';
import type { SourceDocument } from '../document.ts';
import { ocrFindings } from '../ocr/review.ts';
import type { LocateContext, Span, TableResult } from './context.ts';
import { findHeadings, type Heading } from './headings.ts';
import { LabelStream } from './label-stream.ts';
import { findMeta } from './meta.ts';
import { buildSections, type LineRange } from './sections.ts';
import { findTableA, findTableB, findTableC, locateTableA, locateTableB, locateTableC } from './tables.ts';
import { isImageToken, type Token, tokenize } from './tokens.ts';

function tokenAtHeading(tokens: readonly Token[], h: Heading | undefined): number | undefined {
  if (!h) return undefined;
  const i = tokens.findIndex((t) => t.line > h.line || (t.line === h.line && (t.source.column ?? 1) - 1 >= h.start));
  return i < 0 ? tokens.length : i;
}

function detectFormat(stream: LabelStream, span: Span, year: number | null): FormatId {
  const from = stream.offsetOf(span.from);
  const to = stream.offsetOf(span.to);
  const score = (f: FormatSpec) => f.markers.filter((m) => stream.find([m], from, to, 40)).length;
  const [a, b] = FORMATS.map(score) as [number, number];
  if (a !== b) return a > b ? '2021' : '2019';
  return year !== null && year <= 2020 ? '2019' : '2021';
}

function hasImage(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isImageToken((tokens[i] as Token).raw)) return true;
  return false;
}

function lineRange(tokens: readonly Token[], span: Span | undefined, start?: number): LineRange | undefined {
  if (!span) return undefined;
  const from = tokens[start ?? span.from]?.line;
  const to = tokens[span.to - 1]?.line;
  return from === undefined || to === undefined ? undefined : { from, to };
}

/** Turns a document into a report: sections, metadata, and the cells of the three tables. */
export function locate(doc: SourceDocument): Report {
  const simplify = looksTraditional(
    doc.lines
      .slice(0, 400)
      .map((l) => l.text)
      .join('\n'),
  );
  const tokens = tokenize(doc, simplify);
  const stream = new LabelStream(tokens);
  const ctx: LocateContext = { file: doc.file, tokens, stream };
  const headings = findHeadings(doc, simplify);
  const at = (id: number) =>
    tokenAtHeading(
      tokens,
      headings.find((h) => h.id === id),
    );
  const end = tokens.length;
  const [h2, h3, h4, h5] = [at(2), at(3), at(4), at(5)];
  const meta = findMeta(doc, simplify, headings[0]?.line ?? 0);

  const formatId = detectFormat(stream, { from: h2 ?? 0, to: h5 ?? end }, meta.year);
  const format = getFormat(formatId);

  const bSearch: Span = { from: h3 ?? h2 ?? 0, to: h4 ?? h5 ?? end };
  const bStart = findTableB(ctx, format, bSearch);
  const cAfterB = bStart === undefined ? undefined : findTableC(ctx, { from: bStart, to: h5 ?? end });
  const bEnd = Math.min(h4 ?? end, cAfterB ?? end, h5 ?? end);

  const aSpan: Span = { from: h2 ?? 0, to: Math.min(h3 ?? end, bStart ?? end, h4 ?? end, h5 ?? end) };
  const aStart = findTableA(ctx, format, aSpan, h2 === undefined);
  const empty: TableResult = { cells: [], missingRows: [], messages: [], complete: false };
  const a = aStart === undefined ? empty : locateTableA(ctx, format, { from: aStart, to: aSpan.to });
  const b = bStart === undefined ? empty : locateTableB(ctx, format, { from: bStart, to: bEnd });
  const cFrom = h4 ?? (b.span ? b.span.to : undefined);
  const c = cFrom === undefined ? empty : locateTableC(ctx, format, { from: cFrom, to: h5 ?? end });

  const results: Record<TableId, TableResult> = { a, b, c };
  const sectionSpans: Record<TableId, Span> = {
    a: { from: h2 ?? 0, to: h3 ?? end },
    b: { from: h3 ?? end, to: h4 ?? end },
    c: { from: h4 ?? end, to: h5 ?? end },
  };
  const tables = {} as Record<TableId, TableInfo>;
  const cells: Record<string, Cell> = {};
  const messages: Finding[] = [...doc.messages];
  const ranges: LineRange[] = [];
  let anyTable = false;
  for (const id of ['a', 'b', 'c'] as TableId[]) {
    const r = results[id];
    const found = r.span !== undefined;
    anyTable ||= found;
    const image = !found && hasImage(tokens, sectionSpans[id].from, sectionSpans[id].to);
    const info: TableInfo = {
      id,
      status: found ? (r.complete ? 'complete' : 'partial') : image ? 'image' : 'absent',
      missingRows: found ? r.missingRows : [],
    };
    if (r.span) {
      const first = tokens[r.span.from];
      if (first) info.source = first.source;
    }
    tables[id] = info;
    for (const cell of r.cells) cells[cell.key] = cell;
    messages.push(...r.messages);
    const headerStart =
      id === 'b' && r.span
        ? stream.find(['勾稽关系', '申请人情况'], stream.offsetOf(Math.max(h3 ?? 0, r.span.from - 80)), stream.offsetOf(r.span.from))?.start
        : undefined;
    const range = lineRange(tokens, r.span, headerStart);
    if (range) ranges.push(range);
  }

  // Cells read by OCR: the unsure ones are reported by key (only now are the keys known).
  if (doc.ocr) messages.push(...ocrFindings(doc.file, cells, doc.ocr));

  return {
    meta: {
      agency: meta.agency,
      ...(meta.agencySource ? { agencySource: meta.agencySource } : {}),
      ...(doc.ocr ? { ocr: true } : {}),
      year: meta.year,
      format: anyTable ? formatId : null,
      title: meta.title,
      date: meta.date,
      source: { file: doc.file, kind: doc.kind },
    },
    sections: buildSections(doc, headings, meta.signature ? [...ranges, meta.signature] : ranges),
    tables,
    cells,
    messages,
  };
}
