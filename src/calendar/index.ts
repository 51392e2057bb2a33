/** Working days as data (the State Council's yearly notice) and statutory deadlines with their explanation. */
export { WorkCalendar, type SpecialDay, addDays, isIsoDate, formatDay } from './calendar.ts';
export { computeDeadline, correctionNoticeDue, type ClockInput, type Deadline, type Pause } from './deadline.ts';
export { seedSpecialDays, SEED_YEARS } from './seed.ts';
export { parseCalendarFile, type CalendarProblem } from './import-calendar.ts';
