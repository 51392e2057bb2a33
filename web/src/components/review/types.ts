// The reviewer console's API shapes: a mirror of src/review/types.ts (the server's), kept by hand.

/** Where a cell or finding was found (src/report/types.ts SourceLocation). */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
  /** PDF: 1-based page; x, y, width, height in PDF points from the page's top-left corner. */
  page?: number;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  /** HTML and DOCX: the 1-based table, its row, and the cell's grid column. */
  table?: number;
  row?: number;
  cell?: number;
}

export type SourceKind = 'text' | 'html' | 'docx' | 'pdf' | 'ofd' | 'doc' | 'wps' | 'json' | 'register';
export type TableStatus = 'complete' | 'partial' | 'absent' | 'image';
export type Severity = 'error' | 'warning' | 'info';

export interface Cell {
  key: string;
  value: number | null;
  raw: string;
  source?: SourceLocation;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  keys?: string[];
  expected?: number | string | null;
  actual?: number | string | null;
  source?: SourceLocation;
}

export interface Section {
  id: 1 | 2 | 3 | 4 | 5 | 6;
  heading: string;
  text: string;
}

export type ReportStatus = 'pending' | 'read' | 'unreadable';
export type IssueStatus = 'open' | 'confirmed' | 'dismissed' | 'rectifying' | 'responded' | 'archived';

/** The workflow's statuses as the console names them. */
export const ISSUE_STATUS_NAMES: Record<IssueStatus, string> = {
  open: '待审核',
  confirmed: '已确认',
  dismissed: '已排除',
  rectifying: '整改中',
  responded: '已反馈',
  archived: '已归档',
};

/** A batch in a list: counts of its reports and open issues. */
export interface BatchSummary {
  id: number;
  name: string;
  year: number | null;
  ownerAgencyId: number | null;
  ownerAgency: string | null;
  createdBy: string;
  createdAt: string;
  archivedAt: string | null;
  reports: { total: number; pending: number; read: number; unreadable: number };
  findings: { errors: number; warnings: number };
  issues: Record<IssueStatus, number>;
}

/** A report in a batch's list. */
export interface ReportSummary {
  id: number;
  batchId: number;
  fileName: string;
  kind: SourceKind | null;
  size: number;
  status: ReportStatus;
  /** Why it could not be read (status unreadable). */
  error: { reason: string; reasonEn: string } | null;
  agency: string | null;
  agencyLevel: 'government' | 'department' | null;
  year: number | null;
  format: string | null;
  publishedOn: string | null;
  errors: number;
  warnings: number;
  corrections: number;
  /** Issues by status (present findings only). */
  issueCounts: Partial<Record<IssueStatus, number>>;
  createdAt: string;
}

/** A correction of one cell, as kept (append-only). */
export interface CorrectionView {
  id: number;
  key: string;
  readValue: number | null;
  readRaw: string | null;
  value: number | null;
  reason: string;
  correctedBy: string;
  correctedAt: string;
}

/** A cell as the console shows it: as read (with provenance), and in effect. */
export interface CellView {
  key: string;
  /** The standard's labels (table, row, column) from the format spec. */
  table: string;
  row: string;
  column: string;
  read: Cell | null;
  value: number | null;
  corrected: boolean;
}

/** A finding under review. */
export interface IssueView {
  id: number;
  reportId: number;
  rule: string;
  severity: Finding['severity'];
  message: string;
  keys: string[];
  /** The finding's place in the source (from the finding, or the first of its cells). */
  source: SourceLocation | null;
  present: boolean;
  status: IssueStatus;
  note: string | null;
  assignedAgencyId: number | null;
  assignedAgency: string | null;
  dueOn: string | null;
  response: string | null;
  respondedBy: string | null;
  respondedAt: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

/** One report in full: `GET /api/review/reports/:id`. */
export interface ReportDetail extends ReportSummary {
  title: string | null;
  tables: Record<string, TableStatus>;
  sections: Pick<Section, 'id' | 'heading' | 'text'>[];
  cells: CellView[];
  findings: Finding[];
  issues: IssueView[];
  correctionsLog: CorrectionView[];
  /** The same agency's reports of other years in batches the user may see (for 对比上年). */
  otherYears: { id: number; year: number; batchId: number }[];
  /** How the source can be shown: the PDF itself (page images drawn in the browser), or a marked HTML view. */
  view: 'pdf' | 'html';
}
