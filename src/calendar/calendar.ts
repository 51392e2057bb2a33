/** A day that differs from the Monday-to-Friday rule: a holiday on a weekday, a 调休 working weekend. */
export interface SpecialDay {
  /** ISO date, YYYY-MM-DD. */
  day: string;
  working: boolean;
  name: string;
}

/**
 * The working-day calendar: Monday to Friday work, weekends off, except the special days the
 * State Council's notice sets each year. Only years whose notice was imported are known.
 */
export class WorkCalendar {
  private readonly special: Map<string, SpecialDay>;
  private readonly years: Set<number>;

  constructor(days: readonly SpecialDay[], years: readonly number[]) {
    this.special = new Map(days.map((d) => [d.day, d]));
    this.years = new Set(years);
  }

  /** Whether the holiday arrangement of a year is known. */
  knows(year: number): boolean {
    return this.years.has(year);
  }

  /** The special day on a date, if any. */
  specialDay(day: string): SpecialDay | undefined {
    return this.special.get(day);
  }

  /** Whether a date is a working day. */
  isWorking(day: string): boolean {
    const s = this.special.get(day);
    if (s) return s.working;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}

/** YYYY-MM-DD of a date plus some calendar days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** True for a well-formed, real calendar date YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** 2024-10-08 → 2024年10月8日. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
