import { addDays, formatDay, type WorkCalendar } from './calendar.ts';

/** A period during which the answer clock stands still (consultation, waiting for a fee). */
export interface Pause {
  /** The day the letter or notice went out; the clock stops from the next day. */
  from: string;
  /** The day the reply or payment came in (counted as stopped), or null while it runs. */
  to: string | null;
  reason: string;
}

export interface ClockInput {
  /** The day the application counts as received (条例 art. 31), or the day the completed application came in after 补正 (art. 30). */
  start: string;
  /** Why the clock starts then, for the explanation. */
  startReason: string;
  /** Working days allowed: 20 (art. 33). */
  days: number;
  /** Working days of an approved extension (at most 20), 0 when none. */
  extension: number;
  pauses: readonly Pause[];
}

/** A due date with the reasoning a person can check by hand. */
export interface Deadline {
  /** The last day to answer, or null while a pause runs. */
  due: string | null;
  /** The explanation, step by step, in Chinese. */
  steps: string[];
  /** Holidays and 调休 working days the count went through. */
  skippedHolidays: { day: string; name: string }[];
  workingWeekends: { day: string; name: string }[];
  warnings: string[];
}

const WEEKDAY = '日一二三四五六';

function weekday(day: string): string {
  return `星期${WEEKDAY[new Date(`${day}T00:00:00Z`).getUTCDay()]}`;
}

function inPause(day: string, pauses: readonly Pause[]): Pause | undefined {
  return pauses.find((p) => day > p.from && (p.to === null || day <= p.to));
}

function ranges(days: { day: string; name: string }[]): string {
  const groups: { from: string; to: string; name: string }[] = [];
  for (const d of days) {
    const last = groups[groups.length - 1];
    if (last && last.name === d.name && addDays(last.to, 1) >= d.day && d.day <= addDays(last.to, 3)) last.to = d.day;
    else groups.push({ from: d.day, to: d.day, name: d.name });
  }
  return groups
    .map((g) => (g.from === g.to ? `${formatDay(g.from)}（${g.name}）` : `${formatDay(g.from)}至${formatDay(g.to)}（${g.name}）`))
    .join('、');
}

/**
 * Counts the statutory working days from the day after the start, skipping weekends and
 * holidays, counting 调休 working weekends, and not counting the days a pause stands; returns
 * the due date and its explanation.
 */
export function computeDeadline(calendar: WorkCalendar, input: ClockInput): Deadline {
  const total = input.days + input.extension;
  const skippedHolidays: { day: string; name: string }[] = [];
  const workingWeekends: { day: string; name: string }[] = [];
  const unknownYears = new Set<number>();
  const pausedDays = new Map<Pause, number>();
  const open = input.pauses.find((p) => p.to === null);
  let counted = 0;
  let day = input.start;
  let due: string | null = null;
  for (let guard = 0; guard < 2000 && counted < total; guard++) {
    day = addDays(day, 1);
    const year = Number(day.slice(0, 4));
    if (!calendar.knows(year)) unknownYears.add(year);
    const working = calendar.isWorking(day);
    const special = calendar.specialDay(day);
    const pause = inPause(day, input.pauses);
    if (pause) {
      if (pause.to === null) break;
      if (working) pausedDays.set(pause, (pausedDays.get(pause) ?? 0) + 1);
      continue;
    }
    if (!working) {
      if (special) skippedHolidays.push({ day, name: special.name });
      continue;
    }
    if (special) workingWeekends.push({ day, name: `${weekday(day)}，${special.name}` });
    counted++;
    if (counted === total) due = day;
  }
  const steps = [`自${formatDay(input.start)}（${input.startReason}）的次日起计算`];
  steps.push(`法定期限${input.days}个工作日${input.extension ? `，经批准延长${input.extension}个工作日，共${total}个工作日` : ''}`);
  if (skippedHolidays.length) steps.push(`不计节假日：${ranges(skippedHolidays)}`);
  if (workingWeekends.length) steps.push(`计入调休上班日：${workingWeekends.map((d) => `${formatDay(d.day)}（${d.name}）`).join('、')}`);
  for (const p of input.pauses) {
    if (p.to === null) steps.push(`${p.reason}：自${formatDay(p.from)}起期限暂停，尚未恢复`);
    else steps.push(`${p.reason}：${formatDay(addDays(p.from, 1))}至${formatDay(p.to)}不计算在内（其中${pausedDays.get(p) ?? 0}个工作日）`);
  }
  steps.push(open ? '答复期限：暂停中，恢复后重新计算' : `答复期限：${formatDay(due as string)}（${weekday(due as string)}）`);
  const warnings = [...unknownYears].map(
    (y) => `${y}年的节假日安排尚未导入日历，该年按周一至周五工作计算，结果可能不准确；请导入国务院办公厅的放假通知`,
  );
  return { due: open ? null : due, steps, skippedHolidays, workingWeekends, warnings };
}

/** The day by which a 补正 notice must go out: 7 working days after receipt (art. 30). */
export function correctionNoticeDue(calendar: WorkCalendar, received: string): string {
  return computeDeadline(calendar, { start: received, startReason: '收到申请', days: 7, extension: 0, pauses: [] }).due as string;
}
