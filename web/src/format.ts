// Dates and deadlines as clerks read them: 2026年12月1日（星期二）, 剩余3个工作日, 逾期2个工作日.

const WEEKDAYS = '日一二三四五六';

/** Today in China Standard Time, as YYYY-MM-DD (the agencies' calendar day, whatever the browser's zone). */
export function todayCst(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** 「2026年12月1日」 from YYYY-MM-DD; empty for none; the text itself when it is not a day. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** 「2026年12月1日（星期二）」. */
export function formatDayWithWeekday(day: string | null | undefined): string {
  if (!day) return '';
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : `${formatDay(day)}（星期${WEEKDAYS[date.getUTCDay()]}）`;
}

/** A timestamp in Beijing time: 「2026-12-01 14:05」. */
export function formatTime(time: string | null | undefined): string {
  if (!time) return '';
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return time;
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** How a deadline stands, in words and in the colour of an antd Tag. */
export function dueStatus(item: { daysLeft?: number; overdueDays?: number; overdue?: boolean }): { text: string; color: string } {
  const overdueDays = item.overdueDays ?? 0;
  if (item.overdue || overdueDays > 0) return { text: `逾期${overdueDays}个工作日`, color: 'red' };
  const left = item.daysLeft ?? 0;
  if (left === 0) return { text: '今日到期', color: 'volcano' };
  return { text: `剩余${left}个工作日`, color: left <= 3 ? 'orange' : 'blue' };
}

/** Yuan with two decimals: 「¥1,200.00」. */
export function formatYuan(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  return `¥${amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A file size: 「12.3 KB」. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
