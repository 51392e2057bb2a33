import { type AgencyLevel, LEVEL_NAMES } from './agency.ts';

/**
 * The last day to publish a year's report (《条例》第四十九条): departments by 31 January of
 * the next year, people's governments by 31 March. The statute fixes the date; it does not
 * move for holidays.
 */
export function publicationDeadline(year: number, level: AgencyLevel): string {
  return `${year + 1}-${level === 'government' ? '03-31' : '01-31'}`;
}

/** The deadline in words: 「部门应于2024年1月31日前公布」. */
export function deadlineText(year: number, level: AgencyLevel): string {
  return `${LEVEL_NAMES[level]}应于${year + 1}年${level === 'government' ? '3月31日' : '1月31日'}前公布`;
}
