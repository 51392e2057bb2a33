import type { Queryable } from '../db/index.ts';
import type { Actor } from './actor.ts';
import { getApplication } from './applications.ts';

/**
 * 信息处理费 (国办函〔2020〕109号): charged per applicant per calendar month, by one method per
 * application, only above the free amount.
 */
export type FeeMethod = 'by_count' | 'by_pages';

export interface FeeQuote {
  /** Yuan. */
  amount: number;
  /** How it was reached, in Chinese. */
  basis: string;
}

/**
 * 按件: the n-th application of the applicant this month: the first 10 are free, the 11th to 30th
 * cost ¥100 each, and from the 31st each further band of 10 costs ¥100 more per application
 * than the band before (31–40 ¥200, 41–50 ¥300, …).
 */
export function feeByCount(nth: number): FeeQuote {
  if (!Number.isInteger(nth) || nth < 1) throw new RangeError(`feeByCount: nth must be a whole number ≥ 1, got ${nth}`);
  if (nth <= 10) return { amount: 0, basis: `本月第${nth}件，前10件不收费` };
  if (nth <= 30) return { amount: 100, basis: `本月第${nth}件，第11至30件每件100元` };
  const band = Math.floor((nth - 31) / 10);
  const amount = 200 + band * 100;
  return { amount, basis: `本月第${nth}件，第${31 + band * 10}至${40 + band * 10}件每件${amount}元` };
}

/**
 * 按量: pages of one application: 30 pages free, pages 31–100 ¥10 each, 101–200 ¥20 each,
 * 201 and above ¥40 each.
 */
export function feeByPages(pages: number): FeeQuote {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError(`feeByPages: pages must be a whole number ≥ 0, got ${pages}`);
  const band = (from: number, to: number, price: number) => Math.max(0, Math.min(pages, to) - from + 1) * price;
  const amount = band(31, 100, 10) + band(101, 200, 20) + band(201, Number.MAX_SAFE_INTEGER, 40);
  const parts = [
    pages > 30 ? `31至${Math.min(pages, 100)}页每页10元` : '',
    pages > 100 ? `101至${Math.min(pages, 200)}页每页20元` : '',
    pages > 200 ? `201至${pages}页每页40元` : '',
  ].filter(Boolean);
  return { amount, basis: pages <= 30 ? `共${pages}页，30页以内不收费` : `共${pages}页，前30页不收费，${parts.join('，')}` };
}

/**
 * The fee of one application: 按件 counts the applications the same applicant (same name and
 * contact) made to the agency in the same calendar month, up to and including this one.
 */
export async function quoteFee(
  db: Queryable,
  actor: Actor,
  applicationId: number,
  method: FeeMethod,
  pages = 0,
): Promise<FeeQuote & { method: FeeMethod }> {
  await getApplication(db, actor, applicationId);
  if (method === 'by_pages') return { ...feeByPages(pages), method };
  const { rows } = await db.query<{ nth: number }>(
    `select count(*)::int as nth from applications o, applications a
     where a.id = $1 and o.agency_id = a.agency_id and o.applicant_name = a.applicant_name and o.applicant_contact = a.applicant_contact
       and date_trunc('month', o.received_on) = date_trunc('month', a.received_on) and (o.received_on, o.id) <= (a.received_on, a.id)`,
    [applicationId],
  );
  return { ...feeByCount(rows[0]?.nth ?? 1), method };
}
