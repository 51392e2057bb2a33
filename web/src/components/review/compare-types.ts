// The engine's comparison of two years (src/compare YearComparison), as `GET /api/review/compare` answers it.
import type { Finding } from './types.ts';

export interface ReportRef {
  agency: string | null;
  year: number | null;
  file: string;
}

export interface CellChange {
  key: string;
  /** 「表三「（一）予以公开」「自然人」」. */
  label: string;
  previous: number | null;
  current: number | null;
  change: number | null;
  relative: number | null;
}

/** One step of a sentence diff: same, same with other figures, only last year's, only this year's. */
export interface DiffPart {
  kind: 'same' | 'figures' | 'removed' | 'added';
  text: string;
  before?: string;
}

export interface Passage {
  text: string;
  length: number;
}

export interface Sameness {
  /** Containment, 0–1. */
  score: number;
  judged: boolean;
  passages: Passage[];
}

export interface SectionComparison {
  id: number;
  heading: string;
  diff: DiffPart[];
  lastYear?: Sameness;
  peer?: Sameness & { report: ReportRef };
}

export interface YearComparison {
  agency: string | null;
  previous: ReportRef;
  current: ReportRef;
  cells: CellChange[];
  sections: SectionComparison[];
  findings: Finding[];
}
