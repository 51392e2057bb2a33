/** The agency register (台账): applications on the statutory clock, proactive disclosures, reviews, and the report computed from them. */
export { type Actor, type Role, ROLE_NAMES, adminActor, assertAdmin, assertRead, assertWrite } from './actor.ts';
export { createAgency, findAgency, listAgencies, agencyTree, type Agency } from './agencies.ts';
export {
  createApplication,
  addEvent,
  getApplication,
  findApplication,
  listApplications,
  applicationDetail,
  applicationInput,
  type ApplicationDetail,
  eventsOf,
  deadlineOf,
  dueList,
  mask,
  type ApplicationInput,
  type ApplicationRow,
  type EventRow,
  type DueItem,
} from './applications.ts';
export {
  transition,
  parseEvent,
  eventInput,
  EVENT_KINDS,
  STATE_NAMES,
  type CaseState,
  type EventKind,
  type EventInput,
  type Event,
} from './lifecycle.ts';
export { searchApplications, type ApplicationFilter } from './search-applications.ts';
export { receiptDay } from './receipt.ts';
export { feeByCount, feeByPages, quoteFee, type FeeQuote, type FeeMethod } from './fees.ts';
export { feeList, type FeeItem, type FeeList } from './fee-list.ts';
export {
  setProactive,
  getProactive,
  addReview,
  closeReview,
  listReviews,
  setReportText,
  getReportTexts,
  REVIEW_KINDS,
  REVIEW_RESULTS,
  type ReviewRow,
  lockYear,
  isYearLocked,
  auditTrail,
  type AuditEntry,
  type ReviewKind,
  type ReviewResult,
} from './registers.ts';
export { reportFromRegister } from './report-from-register.ts';
export { importCases, readCaseFile, readCaseBytes, validateCases, TEMPLATE_COLUMNS, type RowProblem } from './import-cases.ts';
export { seedCalendar, importCalendar, loadCalendar } from './calendar-store.ts';
export { APPLICANT_KINDS, CHANNELS, OUTCOMES, outcomeLabel, parseApplicantKind, parseChannel, parseOutcome } from './vocabulary.ts';
export { openRegister } from './open-register.ts';
export { describeAudit } from './audit-text.ts';
export {
  availableLetters,
  composeLetter,
  issueLetter,
  LETTER_KINDS,
  letterFacts,
  letterFile,
  listLetters,
  OUTCOME_WORDING,
  previewLetter,
  type LetterItem,
  type LetterKind,
  type LetterText,
} from './letters/index.ts';
export {
  addAttachment,
  type AttachmentItem,
  attachmentFile,
  cleanFileName,
  listAttachments,
  MAX_ATTACHMENT_BYTES,
  sniffMediaType,
} from './attachments.ts';
