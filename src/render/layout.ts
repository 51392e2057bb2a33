import { B_APPLICANT_HEADER, B_NOTE, B_ORG_HEADER, type FormatSpec, getTable, type TableId } from '../format/index.ts';
import type { Report } from '../report/index.ts';

/** One cell of a laid-out table: a header label or a value, with its merges. */
export interface LayoutCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  header?: boolean;
  /** The cell key of a value cell. */
  key?: string;
}

/** A table as the standard lays it out: header rows, then body rows. */
export interface TableLayout {
  id: TableId;
  columns: number;
  /** Relative column widths (label columns wider than value columns). */
  widths: number[];
  head: LayoutCell[][];
  body: LayoutCell[][];
}

/** The text of a value cell: the number, or empty when blank or not found. */
export function valueText(report: Report, key: string): string {
  const cell = report.cells[key];
  if (!cell || cell.value === null) return '';
  return String(cell.value);
}

function spans(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? total - base * (count - 1) : base));
}

function tableA(format: FormatSpec, report: Report): TableLayout {
  const table = getTable(format, 'a');
  const width = Math.max(...table.blocks.map((b) => b.columns.length));
  const body: LayoutCell[][] = [];
  for (const block of table.blocks) {
    const widths = spans(width, block.columns.length);
    body.push([{ text: block.label ?? '', colSpan: width + 1, header: true }]);
    body.push([{ text: '信息内容', header: true }, ...block.columns.map((c, i) => ({ text: c.label, colSpan: widths[i], header: true }))]);
    for (const row of block.rows) {
      body.push([
        { text: row.label, header: true },
        ...block.columns.map((c, i) => ({ text: valueText(report, `a.${row.key}.${c.key}`), colSpan: widths[i], key: `a.${row.key}.${c.key}` })),
      ]);
    }
  }
  return { id: 'a', columns: width + 1, widths: [3, ...Array(width).fill(2)], head: [], body };
}

function tableB(format: FormatSpec, report: Report): TableLayout {
  const block = getTable(format, 'b').blocks[0];
  if (!block) throw new Error(`format ${format.id} has no table B`);
  const cols = block.columns;
  const head: LayoutCell[][] = [
    [
      { text: B_NOTE, colSpan: 3, rowSpan: 3, header: true },
      { text: B_APPLICANT_HEADER, colSpan: cols.length, header: true },
    ],
    [
      { text: cols[0]?.label ?? '', rowSpan: 2, header: true },
      { text: B_ORG_HEADER, colSpan: cols.length - 2, header: true },
      { text: cols[cols.length - 1]?.label ?? '', rowSpan: 2, header: true },
    ],
    cols.slice(1, -1).map((c) => ({ text: c.label, header: true })),
  ];
  const body: LayoutCell[][] = [];
  const seen = new Set<string>();
  for (const row of block.rows) {
    const cells: LayoutCell[] = [];
    row.groups.forEach((group, depth) => {
      if (seen.has(group)) return;
      seen.add(group);
      cells.push({ text: group, rowSpan: block.rows.filter((r) => r.groups[depth] === group).length, header: true });
    });
    cells.push({ text: row.label, colSpan: 3 - row.groups.length, header: true });
    for (const c of cols) cells.push({ text: valueText(report, `b.${row.key}.${c.key}`), key: `b.${row.key}.${c.key}` });
    body.push(cells.map((c) => (c.colSpan === 1 ? { ...c, colSpan: undefined } : c)).map(clean));
  }
  return { id: 'b', columns: 3 + cols.length, widths: [0.9, 1, 5, ...Array(cols.length).fill(0.9)], head: head.map((r) => r.map(clean)), body };
}

function tableC(format: FormatSpec, report: Report): TableLayout {
  const block = getTable(format, 'c').blocks[0];
  if (!block) throw new Error(`format ${format.id} has no table C`);
  const n = block.columns.length;
  const [review, direct, after] = block.rows;
  const head: LayoutCell[][] = [
    [
      { text: review?.label ?? '', colSpan: n, header: true },
      { text: direct?.groups[0] ?? '', colSpan: n * 2, header: true },
    ],
    [
      ...block.columns.map((c) => ({ text: c.label, rowSpan: 2, header: true })),
      { text: direct?.label ?? '', colSpan: n, header: true },
      { text: after?.label ?? '', colSpan: n, header: true },
    ],
    [...block.columns, ...block.columns].map((c) => ({ text: c.label, header: true })),
  ];
  const values = block.rows.flatMap((row) =>
    block.columns.map((c) => ({ text: valueText(report, `c.${row.key}.${c.key}`), key: `c.${row.key}.${c.key}` })),
  );
  return { id: 'c', columns: n * 3, widths: Array(n * 3).fill(1), head, body: [values] };
}

function clean(cell: LayoutCell): LayoutCell {
  const out: LayoutCell = { text: cell.text };
  if (cell.colSpan && cell.colSpan > 1) out.colSpan = cell.colSpan;
  if (cell.rowSpan && cell.rowSpan > 1) out.rowSpan = cell.rowSpan;
  if (cell.header) out.header = true;
  if (cell.key) out.key = cell.key;
  return out;
}

/** The layout of one of a report's tables, with the standard's merged header cells. */
export function tableLayout(format: FormatSpec, report: Report, id: TableId): TableLayout {
  if (id === 'a') {
    const t = tableA(format, report);
    return { ...t, body: t.body.map((r) => r.map(clean)) };
  }
  return id === 'b' ? tableB(format, report) : tableC(format, report);
}

/** A table without merged cells (Markdown, a terminal): a caption, a header, one row per standard row. */
export interface FlatBlock {
  /** 「第二十条第（一）项」 for table A's blocks. */
  caption?: string;
  /** The header's first cell. */
  corner: string;
  columns: string[];
  rows: { label: string; keys: string[] }[];
}

/** A table as flat blocks: each row labelled in full (「（三）1.属于国家秘密」, 「行政诉讼·复议后起诉」). */
export function flatTable(format: FormatSpec, id: TableId): FlatBlock[] {
  const corner = { a: '信息内容', b: B_APPLICANT_HEADER, c: '' }[id];
  return getTable(format, id).blocks.map((block) => {
    const flat: FlatBlock = {
      corner,
      columns: block.columns.map((c) => c.label),
      rows: block.rows.map((r) => ({
        label: id === 'c' ? [...r.groups, r.label].join('·') : r.short,
        keys: block.columns.map((c) => `${id}.${r.key}.${c.key}`),
      })),
    };
    if (block.label) flat.caption = block.label;
    return flat;
  });
}
