import type { Cell, Finding, SourceLocation } from '../../report/index.ts';
import type { LabelStream } from './label-stream.ts';
import type { Token } from './tokens.ts';

/** What the table locators share: the tokens, their label stream and the file name. */
export interface LocateContext {
  file: string;
  tokens: readonly Token[];
  stream: LabelStream;
}

/** A span of tokens [from, to). */
export interface Span {
  from: number;
  to: number;
}

/** What locating one table produced. */
export interface TableResult {
  cells: Cell[];
  missingRows: string[];
  messages: Finding[];
  /** Token span the table occupies, when found. */
  span?: Span;
  complete: boolean;
}

/** A cell from a value token. */
export function cellFrom(key: string, token: Token): Cell {
  return { key, value: token.kind === 'num' ? token.value : null, raw: token.raw, source: token.source };
}

/** A blank cell for a row that holds no values at all, placed at its label. */
export function blankCell(key: string, source: SourceLocation): Cell {
  return { key, value: null, raw: '', source };
}

/** True when no label text follows a token: the document ends inside this table. */
export function endsAfter(ctx: LocateContext, token: number): boolean {
  for (let i = token + 1; i < ctx.tokens.length; i++) if (ctx.tokens[i]?.kind === 'text') return false;
  return true;
}
