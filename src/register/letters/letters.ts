import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../db/index.ts';
import { AppError } from '../../errors.ts';
import { renderLetter } from '../../render/index.ts';
import { type Actor, assertRead, assertWrite } from '../actor.ts';
import { findAgency } from '../agencies.ts';
import { applicationDetail, deadlineOf, type EventRow } from '../applications.ts';
import { loadCalendar } from '../calendar-store.ts';
import { outcomeLabel } from '../vocabulary.ts';
import { composeLetter, LETTER_KINDS, type LetterFacts, type LetterKind, letterLines, letterReadiness, type LetterText } from './compose-letter.ts';

/** An issued letter as lists show it (the bytes are fetched on their own). */
export interface LetterItem {
  id: number;
  applicationId: number;
  kind: LetterKind;
  kindName: string;
  version: number;
  outcome: string | null;
  outcomeLabel: string | null;
  issuedAt: string;
  issuedBy: string;
  fileName: string;
  sha256: string;
}

const ITEM = `id, application_id as "applicationId", kind, version, outcome, file_name as "fileName", sha256,
  to_char(issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "issuedAt", issued_by as "issuedBy"`;

function item(row: Omit<LetterItem, 'kindName' | 'outcomeLabel'>): LetterItem {
  return { ...row, kindName: LETTER_KINDS[row.kind], outcomeLabel: row.outcome ? outcomeLabel(row.outcome) : null };
}

function last(events: readonly EventRow[], kind: EventRow['kind']): EventRow | undefined {
  return events.filter((e) => e.kind === kind).at(-1);
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** What the letters of a case are written from, read from the register (the actor must be able to read the case). */
export async function letterFacts(db: Queryable, actor: Actor, applicationId: number): Promise<LetterFacts & { agencyId: number }> {
  const { application: a, events } = await applicationDetail(db, actor, applicationId);
  const agency = await findAgency(db, a.agencyId);
  const parent = agency.parentId === null ? null : (await findAgency(db, agency.parentId)).name;
  const facts: LetterFacts & { agencyId: number } = {
    agencyId: a.agencyId,
    agency: agency.name,
    parentAgency: parent,
    reference: a.reference ?? `#${a.id}`,
    applicantName: a.applicantName,
    content: a.content,
    receivedOn: a.receivedOn,
  };
  const correction = last(events, 'correction_requested');
  if (correction) facts.correction = { on: correction.onDate, items: text(correction.data.items), dueOn: text(correction.data.dueOn) };
  const extension = last(events, 'extension');
  if (extension) {
    // The new due date as the clock computes it, whether or not the case is closed since.
    const due = deadlineOf(await loadCalendar(db), a, events).due;
    facts.extension = { on: extension.onDate, days: Number(extension.data.days ?? a.extensionDays), due };
  }
  const consultation = last(events, 'consultation_started');
  if (consultation) facts.consultation = { on: consultation.onDate, party: text(consultation.data.party) };
  const fee = last(events, 'fee_notice');
  if (fee) facts.feeNoticeOn = fee.onDate;
  // An answer letter closes a case the agency decided (answered, or lapsed 补正 or fee); a withdrawal needs none.
  const closing = events.findLast((e) => e.kind === 'answered' || e.kind === 'correction_lapsed' || e.kind === 'fee_lapsed');
  if (a.outcome && a.closedOn && closing) facts.answer = { on: a.closedOn, outcome: a.outcome };
  if (events.some((e) => e.kind === 'withdrawn')) facts.withdrawn = true;
  return facts;
}

/** Which letters the case allows now, each with why not when it does not. */
export function availableLetters(facts: LetterFacts): { kind: LetterKind; kindName: string; ready: boolean; reason?: string }[] {
  return (Object.keys(LETTER_KINDS) as LetterKind[]).map((kind) => {
    const reason = letterReadiness(kind, facts);
    return reason ? { kind, kindName: LETTER_KINDS[kind], ready: false, reason } : { kind, kindName: LETTER_KINDS[kind], ready: true };
  });
}

/** A letter's text as it would be issued now; nothing is stored. */
export async function previewLetter(db: Queryable, actor: Actor, applicationId: number, kind: LetterKind): Promise<LetterText> {
  return composeLetter(kind, await letterFacts(db, actor, applicationId));
}

/** The letters issued for a case, newest first. */
export async function listLetters(db: Queryable, actor: Actor, applicationId: number): Promise<LetterItem[]> {
  await letterFacts(db, actor, applicationId);
  const { rows } = await db.query<Omit<LetterItem, 'kindName' | 'outcomeLabel'>>(
    `select ${ITEM} from letters where application_id = $1 order by id desc`,
    [applicationId],
  );
  return rows.map(item);
}

// A file name part from a 编号 a user typed: no folder separators, control or reserved characters.
function namePart(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').slice(0, 60);
}

/**
 * Issues a letter: composes it from the case as it stands, renders the DOCX and stores both
 * as a new version (the first is 1; a letter is never edited, a correction is a new version).
 * The audit trail records who issued it. Only users who may change the case's register.
 */
export async function issueLetter(db: Database, actor: Actor, applicationId: number, kind: LetterKind): Promise<LetterItem> {
  const facts = await letterFacts(db, actor, applicationId);
  assertWrite(actor, facts.agencyId);
  const letter = composeLetter(kind, facts);
  const bytes = await renderLetter({ title: letter.title, paragraphs: letter.paragraphs, signature: letter.signature });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const body = { title: letter.title, paragraphs: letterLines(letter), legalBasis: letter.legalBasis };
  return db.transaction(actor.userId, async (tx) => {
    const { rows: counted } = await tx.query<{ next: number }>(
      'select coalesce(max(version), 0)::int + 1 as next from letters where application_id = $1 and kind = $2',
      [applicationId, kind],
    );
    const version = counted[0]?.next ?? 1;
    const fileName = `${letter.kindName}（${namePart(facts.reference)}）第${version}版.docx`;
    const { rows } = await tx.query<Omit<LetterItem, 'kindName' | 'outcomeLabel'>>(
      `insert into letters (application_id, kind, version, outcome, file_name, content, sha256, body, issued_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${ITEM}`,
      [applicationId, kind, version, letter.outcome, fileName, Buffer.from(bytes), sha256, JSON.stringify(body), actor.userId],
    );
    return item(rows[0] as Omit<LetterItem, 'kindName' | 'outcomeLabel'>);
  });
}

/** An issued letter's stored DOCX, if the actor may read its case. */
export async function letterFile(db: Queryable, actor: Actor, letterId: number): Promise<{ fileName: string; content: Uint8Array; sha256: string }> {
  const { rows } = await db.query<{ agencyId: number; fileName: string; content: Uint8Array; sha256: string }>(
    `select a.agency_id as "agencyId", l.file_name as "fileName", l.content, l.sha256
     from letters l join applications a on a.id = l.application_id where l.id = $1`,
    [letterId],
  );
  const row = rows[0];
  if (!row) throw new AppError('not_found', `没有编号为 ${letterId} 的文书`);
  assertRead(actor, row.agencyId);
  return { fileName: row.fileName, content: new Uint8Array(row.content), sha256: row.sha256 };
}
