import { isIsoDate, type SpecialDay } from './calendar.ts';

/** A problem in a calendar file: its line and what is wrong. */
export interface CalendarProblem {
  line: number;
  message: string;
}

/**
 * Parses a year's holiday notice typed as a simple file, one day per line:
 * `2027-10-01,休,国庆节` or `2027-09-26,班,国庆节调休` (also `holiday`/`workday`, tabs or
 * spaces); blank lines and `#` comments are ignored.
 */
export function parseCalendarFile(text: string): { days: SpecialDay[]; years: number[] } | { problems: CalendarProblem[] } {
  const days: SpecialDay[] = [];
  const problems: CalendarProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const [day = '', kind = '', ...name] = line.split(/\s*[,，\t]\s*|\s+/);
    if (!isIsoDate(day)) {
      problems.push({ line: i + 1, message: `日期「${day}」无效，应为 YYYY-MM-DD` });
      return;
    }
    const working = ['班', '上班', 'workday', 'work'].includes(kind) ? true : ['休', '放假', 'holiday', 'off'].includes(kind) ? false : undefined;
    if (working === undefined) {
      problems.push({ line: i + 1, message: `类型「${kind}」无效，应为「休」或「班」` });
      return;
    }
    days.push({ day, working, name: name.join(' ') || (working ? '调休上班' : '节假日') });
  });
  if (problems.length) return { problems };
  return { days, years: [...new Set(days.map((d) => Number(d.day.slice(0, 4))))].sort() };
}
