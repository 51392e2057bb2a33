import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { AppError } from '../errors.ts';
import { printable } from '../printable.ts';

const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/**
 * Publication dates a reviewer recorded (from the web page, say), by file: a CSV of two columns,
 * the report's file (as given on the command line, or any path to it) and the date
 * (2025-01-20, 2025/1/20 or 2025年1月20日); a header line is allowed. Keys are absolute paths.
 * AppError `invalid` naming the line of a row that is not a file and a date.
 */
export async function readPublicationDates(path: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).replace(/^\ufeff/, '');
  } catch {
    throw new AppError('invalid', `无法读取公布日期文件「${printable(path)}」`);
  }
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch {
    throw new AppError('invalid', `公布日期文件「${printable(path)}」不是有效的 CSV`);
  }
  const dates = new Map<string, string>();
  for (const [i, row] of rows.entries()) {
    const [file, date] = row;
    const m = DATE.exec(date ?? '');
    if (!file || !m) {
      if (i === 0) continue; // a header
      throw new AppError('invalid', `公布日期文件第${i + 1}行应为「文件,日期」，日期如 2025-01-20`);
    }
    dates.set(resolve(file), `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`);
  }
  return dates;
}
