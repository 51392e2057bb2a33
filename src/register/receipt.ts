import { formatDay, isIsoDate } from '../calendar/index.ts';
import { AppError } from '../db/index.ts';
import type { Channel } from './vocabulary.ts';

/** The dates an application's receipt day is reckoned from (条例 art. 31). */
export interface ReceiptDates {
  channel: Channel;
  /** The day the applicant handed in, posted or sent it. */
  submittedOn: string;
  /** Registered post: the day the agency signed for it. Ordinary post, online, fax: the day it was confirmed with the applicant. */
  confirmedOn?: string | undefined;
}

/**
 * The day an application counts as received: in person, the day it is handed in; registered
 * post, the day the agency signs for it; ordinary post, the day the agency confirms it with the
 * applicant; online or fax, the day both sides confirm it.
 */
export function receiptDay(dates: ReceiptDates): { day: string; reason: string } {
  if (!isIsoDate(dates.submittedOn)) throw new AppError('invalid', `提交日期「${dates.submittedOn}」无效，应为 YYYY-MM-DD`);
  if (dates.channel === 'in_person' || dates.channel === 'other') return { day: dates.submittedOn, reason: '当面提交之日' };
  const confirmed = dates.confirmedOn;
  const what = dates.channel === 'registered_mail' ? '签收日期' : '确认收到日期';
  if (!confirmed)
    throw new AppError(
      'invalid',
      `${dates.channel === 'registered_mail' ? '挂号信、快递' : dates.channel === 'ordinary_mail' ? '平信' : '网络、传真'}提交的申请须填写${what}（条例第三十一条）`,
    );
  if (!isIsoDate(confirmed)) throw new AppError('invalid', `${what}「${confirmed}」无效，应为 YYYY-MM-DD`);
  if (confirmed < dates.submittedOn) throw new AppError('invalid', `${what}${formatDay(confirmed)}早于提交日期${formatDay(dates.submittedOn)}`);
  const reason = { registered_mail: '行政机关签收之日', ordinary_mail: '与申请人确认之日', online: '双方确认之日', fax: '双方确认之日' }[
    dates.channel
  ];
  return { day: confirmed, reason };
}
