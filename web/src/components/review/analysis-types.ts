// Shapes of the reviewer console's workflow, analysis and queue answers (issue 13, 15) that the
// issues, aggregate, queue and rectification pages read; the server's answers are the truth.
import type { IssueStatus, IssueView, Severity } from './types.ts';

/** One figure of a level's totals: the standard's labels, the sum and how many reports hold it. */
export interface AggregateTotal {
  key: string;
  table: string;
  row: string;
  column: string;
  total: number;
  reports: number;
}

/** A report's place in a ranking. */
export interface RankingEntry {
  rank: number;
  reportId: number;
  agency: string | null;
  file: string;
  value: number;
}

/** A report with errors or warnings. */
export interface FlaggedReport {
  reportId: number;
  agency: string | null;
  file: string;
  errors: number;
  warnings: number;
  rules: string[];
}

/** The rankings the server computes (src/compare RANKINGS). */
export type RankingId = 'applications' | 'granted-share' | 'review-corrected';

/** One year and level (政府 or 部门) of a batch, summed and ranked (figures in effect). */
export interface AggregateGroup {
  year: number | null;
  level: 'government' | 'department';
  /** 「2024年·部门」. */
  name: string;
  reports: number;
  totals: AggregateTotal[];
  rankings: Partial<Record<RankingId, RankingEntry[]>>;
  flagged: FlaggedReport[];
}

export interface Aggregate {
  groups: AggregateGroup[];
}

/** A report behind a figure (`GET /api/review/batches/:id/cells/:key`). */
export interface CellReport {
  reportId: number;
  agency: string | null;
  year: number | null;
  value: number | null;
  corrected: boolean;
}

/** One transition of an issue (`GET /api/review/issues/:id/events`), oldest first. */
export interface IssueEvent {
  at: string;
  actor: string;
  from: IssueStatus;
  to: IssueStatus;
  note: string | null;
}

/** An issue in a batch's list (`GET /api/review/batches/:id/issues`): with its report and its cells' labels. */
export interface IssueRow extends IssueView {
  fileName: string;
  /** The reported agency: the register's agency the report was matched to, else the name as read. */
  agency: string | null;
  year: number | null;
  /** The standard's labels of `keys`. */
  cellLabels: string[];
  /** The rule's title in Chinese. */
  ruleTitle: string;
}

/** What agency staff see of an issue assigned to them (`GET /api/rectification`). */
export interface RectificationItem {
  id: number;
  status: IssueStatus;
  rule: string;
  ruleTitle: string;
  severity: Severity;
  message: string;
  keys: string[];
  cellLabels: string[];
  assignedAgencyId: number;
  assignedAgency: string;
  dueOn: string | null;
  report: { agency: string | null; year: number | null; fileName: string };
  /** What the reviewers asked: the assignment and every return, with their notes, oldest first. */
  requests: { at: string; kind: 'assign' | 'return'; note: string | null }[];
  response: string | null;
  respondedBy: string | null;
  respondedAt: string | null;
  updatedAt: string;
}

/** Counts of one queue by state. */
export type QueueCounts = Record<'created' | 'retry' | 'active' | 'completed' | 'failed' | 'cancelled', number>;

/** `GET /api/review/queue`: the queue's progress, or why there is none. */
export type QueueView =
  | { enabled: false; reason: string }
  | {
      enabled?: true;
      queues: Record<string, QueueCounts>;
      dead: { id: string; queue: string; data: unknown; reason: string; failedAt: string }[];
      results: { readerVersion: string; ok: number; unreadable: number }[];
    };
