// The shapes of GET /api/applications/:id and its letters, attachments and audit trail.
import type { Deadline } from '../register/DeadlineExplanation.tsx';

export interface Application {
  id: number;
  agencyId: number;
  reference: string | null;
  applicantKind: string;
  applicantName: string;
  applicantContact: string;
  channel: string;
  submittedOn: string;
  receivedOn: string;
  content: string;
  state: string;
  stateName: string;
  outcome: string | null;
  outcomeLabel: string | null;
  closedOn: string | null;
  clockStart: string;
  extensionDays: number;
}

export interface CaseEvent {
  id: number;
  kind: string;
  name: string;
  onDate: string;
  actor: string;
  data: Record<string, unknown>;
}

export interface CaseDetail {
  application: Application;
  events: CaseEvent[];
  deadline: Deadline | null;
}

export interface Letter {
  id: number;
  kind: string;
  kindName: string;
  version: number;
  outcome: string | null;
  outcomeLabel: string | null;
  issuedAt: string;
  issuedBy: string;
  fileName: string;
  sha256: string;
}

export interface LetterKind {
  kind: string;
  kindName: string;
  ready: boolean;
  reason?: string;
}

export interface LetterPreview {
  kind: string;
  kindName: string;
  title: string;
  paragraphs: string[];
  legalBasis: string;
}

export interface Attachment {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  note: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface AuditItem {
  id: number;
  at: string;
  actor: string;
  what: string;
  changes: string[];
}
