import { createRequire } from 'node:module';
import type { SpecialDay } from './calendar.ts';
import { addDays } from './calendar.ts';

interface ChineseDays {
  getDayDetail(day: string): { date: string; work: boolean; name: string };
}

/** Years the bundled seed covers (chinese-days 1.5 has no 2027 data). */
export const SEED_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

function cleanName(name: string): string {
  // chinese-days names look like 「National Day,国庆节,3」: keep the Chinese name.
  const parts = name.split(',');
  return parts.find((p) => /[\u4e00-\u9fff]/.test(p)) ?? parts[0] ?? name;
}

/** The special days of the seed years, from the chinese-days package. */
export function seedSpecialDays(years: readonly number[] = SEED_YEARS): SpecialDay[] {
  const require = createRequire(import.meta.url);
  const cd = require('chinese-days') as ChineseDays;
  const out: SpecialDay[] = [];
  for (const year of years) {
    for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
      const detail = cd.getDayDetail(day);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      const named = /[\u4e00-\u9fff]/.test(detail.name);
      // Working weekends (调休), weekday holidays, and the weekend days inside a named holiday.
      if (detail.work === weekend || (!detail.work && named)) {
        out.push({ day, working: detail.work, name: detail.work ? `${cleanName(detail.name)}调休上班` : cleanName(detail.name) });
      }
    }
  }
  return out;
}
