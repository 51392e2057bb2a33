import type { ColumnSpec, RowSpec, ValueKind } from './types.ts';

/** Declares a row; `match` defaults to the label's normalized form. */
export function row(key: string, label: string, match: readonly string[], groups: readonly string[] = [], short?: string): RowSpec {
  return { key, label, match, groups, short: short ?? label };
}

/** Declares a value column. */
export function col(key: string, label: string, kind: ValueKind = 'count', variants?: readonly string[]): ColumnSpec {
  return variants ? { key, label, kind, variants } : { key, label, kind };
}
