import type { FormatId, TableId } from '../format/index.ts';

/** The kind of container a report was read from. */
export type SourceKind = 'text' | 'html' | 'docx' | 'pdf' | 'ofd' | 'doc' | 'wps' | 'image' | 'json' | 'register';

/** Where something was found: file, and line/column (text) or page and position (PDF). */
export interface SourceLocation {
  file?: string;
  /** 1-based line in the document's text. */
  line?: number;
  /** 1-based column (character) in that line. */
  column?: number;
  /** 1-based page (PDF). */
  page?: number;
  /**
   * Position on the page in PDF points from the top-left corner, and the width of the text;
   * for a cell of a ruled PDF table, the cell box (x, y, width, height).
   */
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  /** HTML and DOCX tables: the 1-based table of the document, its row, and the cell's column. */
  table?: number;
  row?: number;
  cell?: number;
}

/** One value of a standard table. */
export interface Cell {
  key: string;
  /** The number, or null when the cell is blank or holds no number (「/」「—」「无」). */
  value: number | null;
  /** The cell's text as found in the source. */
  raw: string;
  source?: SourceLocation;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem in a report: a rule's verdict or a reader's observation. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** Chinese, for the user. */
  message: string;
  /** Cell keys involved. */
  keys?: string[];
  expected?: number | string | null;
  actual?: number | string | null;
  source?: SourceLocation;
}

/** One of the six sections. */
export interface Section {
  id: 1 | 2 | 3 | 4 | 5 | 6;
  /** The heading as written in the report. */
  heading: string;
  /** Body text without the heading and without table content. */
  text: string;
  source?: SourceLocation;
}

/**
 * How much of a table the source holds: all of it, part of it (truncated or damaged), none,
 * or only as an image.
 */
export type TableStatus = 'complete' | 'partial' | 'absent' | 'image';

export interface TableInfo {
  id: TableId;
  status: TableStatus;
  source?: SourceLocation;
  /** Row keys of the standard not found in this table. */
  missingRows: string[];
}

/**
 * Where a report's agency name was read: its title line, the signature at its end, the
 * opening sentences, or the web page's `<title>`.
 */
export type AgencySource = 'title' | 'signature' | 'opening' | 'page-title';

export interface ReportMeta {
  agency: string | null;
  /** Where the agency name was read (reports read from a document). */
  agencySource?: AgencySource;
  /** Some or all of it was read by OCR from page images (a scan, a table image): its cells need checking against the original. */
  ocr?: boolean;
  year: number | null;
  format: FormatId | null;
  title: string | null;
  /** ISO date the report was published or signed, when stated. */
  date: string | null;
  source: { file: string; kind: SourceKind };
}

/** A standard annual report: metadata, the six sections, the three tables' cells. */
export interface Report {
  meta: ReportMeta;
  sections: Section[];
  tables: Record<TableId, TableInfo>;
  /** Cells found, by key. A key of the standard that is absent here was not found. */
  cells: Record<string, Cell>;
  /** What the reader noticed while reading (ambiguous rows, images, …). */
  messages: Finding[];
}
