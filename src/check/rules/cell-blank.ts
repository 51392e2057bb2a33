import { cellLabel, TABLE_NAMES, type TableId } from '../../format/index.ts';
import { formatOf } from '../../report/index.ts';
import { defineRule } from '../rule.ts';

const LIST = 6;

/** A cell where a number belongs is blank or holds 「/」「—」「无」. */
export const cellBlank = defineRule({
  id: 'cell-blank',
  severity: 'warning',
  title: '表格中应填数字的单元格为空或填写了「/」「—」「无」等',
  check(report) {
    const format = formatOf(report);
    return (['a', 'b', 'c'] as TableId[]).flatMap((table) => {
      const blanks = Object.values(report.cells).filter((c) => c.value === null && c.key.startsWith(`${table}.`));
      if (blanks.length === 0) return [];
      const names = blanks.slice(0, LIST).map((c) => `${cellLabel(format, c.key)}${c.raw ? `（「${c.raw}」）` : ''}`);
      const more = blanks.length > LIST ? `等${blanks.length}处` : '';
      return [
        {
          message: `${TABLE_NAMES[table]}有${blanks.length}个单元格未填数字：${names.join('、')}${more}`,
          keys: blanks.map((c) => c.key),
          actual: blanks.length,
          source: blanks[0]?.source,
        },
      ];
    });
  },
});
