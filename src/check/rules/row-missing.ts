import { getTable, TABLE_NAMES, type TableId } from '../../format/index.ts';
import { formatOf } from '../../report/index.ts';
import { defineRule } from '../rule.ts';

/** A table that is present holds every row of the standard, none merged or dropped. */
export const rowMissing = defineRule({
  id: 'row-missing',
  severity: 'error',
  title: '表格须包含标准规定的全部行，不得合并、删减',
  check(report) {
    const format = formatOf(report);
    return (['a', 'b', 'c'] as TableId[]).flatMap((id) => {
      const info = report.tables[id];
      if (info.missingRows.length === 0 || info.status === 'absent' || info.status === 'image') return [];
      const rows = getTable(format, id).blocks.flatMap((b) => b.rows);
      const names = info.missingRows.map((key) => rows.find((r) => r.key === key)?.short ?? key);
      return [
        {
          message: `${TABLE_NAMES[id]}缺少${names.length}行：${names.join('、')}`,
          keys: info.missingRows.map((r) => `${id}.${r}`),
          source: info.source,
        },
      ];
    });
  },
});
