import { stringify } from 'csv-stringify/sync';

/** The UTF-8 byte order mark: Excel and WPS read a CSV as UTF-8 only when it starts with one. */
export const CSV_BOM = '\ufeff';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A text field made inert for spreadsheets (OWASP's advice on CSV injection): a field starting
 * with = + - @ tab or CR is prefixed with an apostrophe so Excel/WPS show it as text instead of
 * running it as a formula. A field that is a plain number (「-1」) cannot be a formula and stays.
 */
export function inertField(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * CSV lines for rows of fields: strings (from files, reports, users) are made inert; numbers
 * are written as numbers, so a negative count stays a number. Lines end in LF, or CRLF (`crlf`,
 * what Excel writes and RFC 4180 asks for).
 */
export function csvLines(rows: readonly (readonly (string | number | null)[])[], options: { crlf?: boolean } = {}): string {
  return stringify(
    rows.map((row) => row.map((field) => (typeof field === 'string' ? inertField(field) : field === null ? '' : field))),
    { record_delimiter: options.crlf ? 'windows' : 'unix' },
  );
}
