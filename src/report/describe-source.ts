import type { SourceLocation } from './types.ts';

/**
 * Where something stands, in Chinese for messages: 「第3页第12行」 for text and PDF,
 * 「第2个表格第5行第3列」 for a cell of an HTML or DOCX table (whose source line says little:
 * a whole page may be one line of HTML). Empty when nothing is known.
 */
export function describeSource(s: SourceLocation | undefined): string {
  if (!s) return '';
  if (s.table !== undefined && s.row !== undefined) return `第${s.table}个表格第${s.row}行${s.cell !== undefined ? `第${s.cell}列` : ''}`;
  return [s.page ? `第${s.page}页` : '', s.line ? `第${s.line}行` : ''].join('');
}
