// The dashboard's figures: GET /api/dashboard when the server has it, else assembled from
// GET /api/due and GET /api/applications (the same definitions, counted in the browser).
import { ApiError, get, qs } from '../../api.ts';

export interface DueItem {
  id: number;
  reference: string | null;
  applicant: string;
  agencyName?: string;
  receivedOn: string;
  due: string | null;
  daysLeft: number;
  overdueDays: number;
  state: string;
  stateName?: string;
  explanation: string[];
}

export interface Dashboard {
  today: string;
  year: number;
  dueSoon: DueItem[];
  overdue: DueItem[];
  counts: {
    received: number;
    closed: number;
    open: number;
    overdue: number;
    byOutcome: { outcome: string; label: string; count: number }[];
    byMonth: { month: number; received: number; closed: number }[];
  };
  /** Set when the figures were assembled in the browser from a partial list. */
  note?: string;
}

interface RawDue {
  id: number;
  reference: string | null;
  applicant: string;
  receivedOn: string;
  due: string | null;
  overdue: boolean;
  overdueDays: number;
  daysLeft: number;
  state: string;
  steps: string[];
}

interface ListItem {
  receivedOn: string;
  closedOn: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
}

const PAGE = 500;
const MAX_PAGES = 20;

async function assembled(agency: number, departments: boolean, year: number): Promise<Dashboard> {
  const scope = { agency, departments: departments ? 1 : undefined };
  const due = await get<{ today: string; items: RawDue[] }>(`/due${qs(scope)}`);
  const items: ListItem[] = [];
  let total = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await get<{ total: number; items: ListItem[] }>(`/applications${qs({ ...scope, year, limit: PAGE, offset: page * PAGE })}`);
    total = answer.total;
    items.push(...answer.items);
    if (items.length >= total || answer.items.length === 0) break;
  }
  const inYear = (day: string | null) => day !== null && day.startsWith(`${year}-`);
  const received = items.filter((a) => inYear(a.receivedOn));
  const closed = items.filter((a) => inYear(a.closedOn));
  const byOutcome = new Map<string, { outcome: string; label: string; count: number }>();
  for (const a of closed) {
    if (!a.outcome) continue;
    const entry = byOutcome.get(a.outcome) ?? { outcome: a.outcome, label: a.outcomeLabel ?? a.outcome, count: 0 };
    entry.count++;
    byOutcome.set(a.outcome, entry);
  }
  const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, received: 0, closed: 0 }));
  for (const a of received) byMonth[Number(a.receivedOn.slice(5, 7)) - 1]!.received++;
  for (const a of closed) byMonth[Number(a.closedOn!.slice(5, 7)) - 1]!.closed++;
  const toItem = (d: RawDue): DueItem => ({ ...d, explanation: d.steps });
  const overdue = due.items.filter((d) => d.overdue).map(toItem);
  return {
    today: due.today,
    year,
    dueSoon: due.items.filter((d) => !d.overdue).map(toItem),
    overdue,
    counts: {
      received: received.length,
      closed: closed.length,
      open: items.filter((a) => a.closedOn === null).length,
      overdue: overdue.length,
      byOutcome: [...byOutcome.values()].sort((a, b) => a.outcome.localeCompare(b.outcome)),
      byMonth,
    },
    note: items.length < total ? `统计基于前${items.length}件申请（共${total}件）` : undefined,
  };
}

/** The dashboard of an agency (with its departments when asked) for a year. */
export async function loadDashboard(agency: number, departments: boolean, year: number): Promise<Dashboard> {
  try {
    return await get<Dashboard>(`/dashboard${qs({ agency, departments: departments ? 1 : undefined, year })}`);
  } catch (error) {
    // Until the server has the route (its 404), assemble the same figures here.
    if (error instanceof ApiError && error.status === 404) return assembled(agency, departments, year);
    throw error;
  }
}
