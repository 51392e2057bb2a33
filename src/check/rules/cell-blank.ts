import { cellLabel, TABLE_NAMES, type TableId } from '../../format/index.ts';
import { type Cell, formatOf, type Report } from '../../report/index.ts';
import { identities, type Identity, solveBlank } from '../identities.ts';
import { defineRule, show } from '../rule.ts';

const LIST = 6;

/**
 * What each blank cell must hold where the printed cells around it determine it (the only
 * blank of an identity), when every identity that determines it agrees.
 */
function determined(report: Report, blanks: readonly Cell[]): Map<string, { value: number; basis: string }> {
  const out = new Map<string, { value: number; basis: string }>();
  const conflicting = new Set<string>();
  const all: Identity[] = identities(report);
  for (const cell of blanks) {
    for (const identity of all) {
      if (!identity.left.includes(cell.key) && !identity.right.includes(cell.key)) continue;
      const value = solveBlank(report, identity, cell.key);
      if (value === undefined) continue;
      const known = out.get(cell.key);
      if (known && known.value !== value) conflicting.add(cell.key);
      // A total is best explained by what it totals (「按各列」), a part by the balance.
      const basis = identity.right.length === 1 && identity.right[0] === cell.key ? identity.basis : '勾稽关系';
      if (!known || (known.basis === '勾稽关系' && basis !== known.basis)) out.set(cell.key, { value, basis });
    }
  }
  for (const key of conflicting) out.delete(key);
  return out;
}

/**
 * A cell where a number belongs is blank or holds 「/」「—」「无」; where the other cells
 * determine it, the finding says what it should hold. Reported once per table, as a blank:
 * the identities involving it are not arithmetic errors.
 */
export const cellBlank = defineRule({
  id: 'cell-blank',
  severity: 'warning',
  title: '表格中应填数字的单元格为空或填写了「/」「—」「无」等',
  check(report) {
    const format = formatOf(report);
    return (['a', 'b', 'c'] as TableId[]).flatMap((table) => {
      const blanks = Object.values(report.cells).filter((c) => c.value === null && c.key.startsWith(`${table}.`));
      if (blanks.length === 0) return [];
      const solved = determined(report, blanks);
      const names = blanks.slice(0, LIST).map((c) => {
        const raw = c.raw ? `（「${c.raw}」）` : '';
        const should = solved.get(c.key);
        return `${cellLabel(format, c.key)}${raw}${should ? `（按${should.basis}应为${show(should.value)}）` : ''}`;
      });
      const more = blanks.length > LIST ? `等${blanks.length}处` : '';
      const finding = {
        message: `${TABLE_NAMES[table]}有${blanks.length}个单元格未填数字：${names.join('、')}${more}`,
        keys: blanks.map((c) => c.key),
        actual: blanks.length,
        source: blanks[0]?.source,
      };
      return [finding];
    });
  },
});
