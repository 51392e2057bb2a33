import type { Queryable } from '../db/index.ts';
import { type Actor, assertRead } from './actor.ts';
import { mask } from './applications.ts';
import type { FeeMethod } from './fees.ts';

/** One fee notice (收费通知) and what came of it. */
export interface FeeItem {
  applicationId: number;
  reference: string | null;
  applicant: string;
  noticeOn: string;
  /** Yuan, as noticed (null when the notice did not record it). */
  amount: number | null;
  method: FeeMethod | null;
  paidOn: string | null;
  /** Yuan actually paid (the notice's amount when the payment did not record one). */
  amountPaid: number | null;
  lapsedOn: string | null;
  /** awaiting: not yet paid, still within the 20 working days (or not yet recorded as lapsed). */
  state: 'awaiting' | 'paid' | 'lapsed' | 'closed';
}

export interface FeeList {
  items: FeeItem[];
  total: { notices: number; paid: number; amountPaid: number };
}

interface EventRow {
  applicationId: number;
  reference: string | null;
  applicantName: string;
  kind: string;
  onDate: string;
  data: Record<string, unknown>;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The 信息处理费 notices of some agencies (of notices dated in `year` when given), newest first,
 * each paired with the payment or lapse that followed it; with the totals. Applicants are
 * masked for viewers.
 */
export async function feeList(db: Queryable, actor: Actor, agencyIds: readonly number[], year?: number): Promise<FeeList> {
  assertRead(actor, ...agencyIds);
  const { rows } = await db.query<EventRow>(
    `select e.application_id as "applicationId", a.reference, a.applicant_name as "applicantName", e.kind, e.on_date::text as "onDate", e.data
     from application_events e join applications a on a.id = e.application_id
     where a.agency_id = any($1::int[]) and e.application_id in (
       select application_id from application_events where kind = 'fee_notice' and ($2::int is null or extract(year from on_date) = $2))
       and e.kind in ('fee_notice', 'fee_paid', 'fee_lapsed', 'withdrawn')
     order by e.application_id, e.id`,
    [agencyIds, year ?? null],
  );
  const items: FeeItem[] = [];
  let open: FeeItem | undefined;
  for (const e of rows) {
    const data = typeof e.data === 'string' ? (JSON.parse(e.data) as Record<string, unknown>) : e.data;
    if (open && open.applicationId !== e.applicationId) open = undefined;
    if (e.kind === 'fee_notice') {
      open = {
        applicationId: e.applicationId,
        reference: e.reference,
        applicant: actor.role === 'viewer' ? mask(e.applicantName) : e.applicantName,
        noticeOn: e.onDate,
        amount: num(data.amount),
        method: data.method === 'by_count' || data.method === 'by_pages' ? data.method : null,
        paidOn: null,
        amountPaid: null,
        lapsedOn: null,
        state: 'awaiting',
      };
      if (year === undefined || Number(e.onDate.slice(0, 4)) === year) items.push(open);
    } else if (open && e.kind === 'fee_paid') {
      Object.assign(open, { paidOn: e.onDate, amountPaid: num(data.amount) ?? open.amount, state: 'paid' });
      open = undefined;
    } else if (open && e.kind === 'fee_lapsed') {
      Object.assign(open, { lapsedOn: e.onDate, state: 'lapsed' });
      open = undefined;
    } else if (open && e.kind === 'withdrawn') {
      open.state = 'closed';
      open = undefined;
    }
  }
  items.sort((a, b) => b.noticeOn.localeCompare(a.noticeOn) || b.applicationId - a.applicationId);
  const paid = items.filter((i) => i.state === 'paid');
  const amountPaid = Math.round(paid.reduce((sum, i) => sum + (i.amountPaid ?? 0), 0) * 100) / 100;
  return { items, total: { notices: items.length, paid: paid.length, amountPaid } };
}
