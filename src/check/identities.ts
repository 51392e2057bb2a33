import { APPLICANT_COLUMNS, APPLICANT_PARTS, getTable, isLeafOutcome } from '../format/index.ts';
import { formatOf, type Report } from '../report/index.ts';
import { same, sum } from './rule.ts';

/**
 * One arithmetic identity of the standard: the cells of `left` add up to those of `right`.
 * `basis` names, in a message, what determines a blank cell of it (「按各列」).
 */
export interface Identity {
  rule: string;
  left: string[];
  right: string[];
  /** What the cells of one side are, for a blank on the other side: 「各列之和」. */
  basis: string;
}

/** The 2019 edition's single （六） row, which a 2021-format report may also keep. */
const MERGED_OTHER = 'other.all';

/** Table B's outcome rows (一)…(六), with a merged （六） row in place of its three when the report kept it so. */
export function outcomeRows(report: Report): string[] {
  const rows = (getTable(formatOf(report), 'b').blocks[0]?.rows ?? []).map((r) => r.key).filter(isLeafOutcome);
  const split = rows.filter((r) => r.startsWith('other.') && r !== MERGED_OTHER);
  const merged = APPLICANT_COLUMNS.some((c) => `b.${MERGED_OTHER}.${c.key}` in report.cells);
  if (split.length === 0 || !merged || split.some((r) => APPLICANT_COLUMNS.some((c) => `b.${r}.${c.key}` in report.cells))) return rows;
  const at = rows.indexOf(split[0] as string);
  return [...rows.slice(0, at), MERGED_OTHER, ...rows.slice(at + split.length)];
}

/** Every identity of a report's edition that its tables must satisfy. */
export function identities(report: Report): Identity[] {
  const out: Identity[] = [];
  for (const col of APPLICANT_COLUMNS) {
    const k = (r: string) => `b.${r}.${col.key}`;
    out.push({ rule: 'b-balance', left: [k('new'), k('carried_in')], right: [k('total'), k('carried_out')], basis: '勾稽关系' });
    out.push({ rule: 'b-outcome-sum', left: outcomeRows(report).map(k), right: [k('total')], basis: '（一）至（六）各项' });
  }
  for (const row of getTable(formatOf(report), 'b').blocks[0]?.rows ?? []) {
    out.push({ rule: 'b-applicant-sum', left: APPLICANT_PARTS.map((c) => `b.${row.key}.${c}`), right: [`b.${row.key}.total`], basis: '各列' });
  }
  const block = getTable(formatOf(report), 'c').blocks[0];
  for (const row of block?.rows ?? []) {
    const parts = (block?.columns ?? []).filter((c) => c.key !== 'total').map((c) => `c.${row.key}.${c.key}`);
    out.push({ rule: 'c-group-sum', left: parts, right: [`c.${row.key}.total`], basis: '各结果' });
  }
  return out;
}

/** What an identity says of a report: not checkable, broken, or holding. */
export type Verdict = { kind: 'unknown' } | { kind: 'blank'; blanks: string[] } | { kind: 'checked'; left: number; right: number; holds: boolean };

/**
 * Evaluates an identity on printed numbers only: a cell not found makes it unknown, a blank
 * cell (null) makes it a matter of blanks, never of arithmetic (a blank is not 0).
 */
export function evaluate(report: Report, identity: Identity): Verdict {
  const blanks: string[] = [];
  const value = (key: string) => {
    const cell = report.cells[key];
    if (!cell) return undefined;
    if (cell.value === null) blanks.push(key);
    return cell.value ?? 0;
  };
  const left = identity.left.map(value);
  const right = identity.right.map(value);
  if (identity.left.length === 0 || [...left, ...right].some((v) => v === undefined)) return { kind: 'unknown' };
  if (blanks.length > 0) return { kind: 'blank', blanks };
  const l = sum(left as number[]);
  const r = sum(right as number[]);
  return { kind: 'checked', left: l, right: r, holds: same(l, r) };
}

/**
 * The value a blank cell must hold for an identity to hold, when it is the identity's only
 * blank and every other cell is printed; undefined otherwise (or when no count could do it).
 */
export function solveBlank(report: Report, identity: Identity, key: string): number | undefined {
  const verdict = evaluate(report, identity);
  if (verdict.kind !== 'blank' || verdict.blanks.length !== 1 || verdict.blanks[0] !== key) return undefined;
  const side = (keys: string[]) => sum(keys.filter((k) => k !== key).map((k) => report.cells[k]?.value ?? 0));
  const onLeft = identity.left.includes(key);
  const value = onLeft ? side(identity.right) - side(identity.left) : side(identity.left) - side(identity.right);
  const rounded = Math.round(value * 10000) / 10000;
  return rounded >= 0 ? rounded : undefined;
}
