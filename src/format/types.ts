/** Which edition of the national annual-report format a report follows. */
export type FormatId = '2021' | '2019';

/** The three standard tables: A 主动公开, B 依申请, C 复议诉讼. */
export type TableId = 'a' | 'b' | 'c';

/**
 * What a value means: a non-negative whole count, an amount of money (may be a decimal),
 * or a signed change from last year (2019 format only).
 */
export type ValueKind = 'count' | 'amount' | 'change';

/** One value column of a table block. */
export interface ColumnSpec {
  readonly key: string;
  /** The standard's exact label. */
  readonly label: string;
  readonly kind: ValueKind;
  /** Label variants seen in real reports (exact standard label first). */
  readonly variants?: readonly string[];
}

/** One value row of a table block. */
export interface RowSpec {
  readonly key: string;
  /** The standard's exact label, as printed in its row cell. */
  readonly label: string;
  /** Labels of the merged group cells to the left of this row, outermost first. */
  readonly groups: readonly string[];
  /**
   * Normalized fragments (see `labelKey`) that identify the row in a document, most specific
   * first. The locator searches them in reading order within the table.
   */
  readonly match: readonly string[];
  /** A short label for lists and messages, e.g. 「（三）1.属于国家秘密」. */
  readonly short: string;
}

/** A block of a table: one set of columns shared by some rows (table A has several). */
export interface BlockSpec {
  /** Block caption, e.g. 「第二十条第（一）项」 (table A only). */
  readonly label?: string;
  readonly rows: readonly RowSpec[];
  readonly columns: readonly ColumnSpec[];
}

/** One of the three standard tables. */
export interface TableSpec {
  readonly id: TableId;
  /** The section heading the table stands under, e.g. 「二、主动公开政府信息情况」. */
  readonly title: string;
  readonly blocks: readonly BlockSpec[];
}

/** A whole edition of the format. */
export interface FormatSpec {
  readonly id: FormatId;
  /** Human name, e.g. 「2021年版（国办公开办函〔2021〕30号）」. */
  readonly name: string;
  readonly tables: readonly TableSpec[];
  /** Normalized header words that only this edition's tables contain. */
  readonly markers: readonly string[];
}

/** A single cell of the standard, flattened from the spec. */
export interface CellSpec {
  readonly key: string;
  readonly table: TableId;
  readonly block: BlockSpec;
  readonly row: RowSpec;
  readonly column: ColumnSpec;
}
