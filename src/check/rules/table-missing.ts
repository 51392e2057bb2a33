import { TABLE_NAMES, type TableId } from '../../format/index.ts';
import { defineRule } from '../rule.ts';

/** Each of the three standard tables must be present as a table with its numbers. */
export const tableMissing = defineRule({
  id: 'table-missing',
  severity: 'error',
  title: '报告须包含三张标准表格',
  check(report) {
    return (['a', 'b', 'c'] as TableId[]).flatMap((id) => {
      const status = report.tables[id].status;
      if (status === 'image') return [{ message: `${TABLE_NAMES[id]}以图片形式发布，无法提取数据，也无法核对`, keys: [] }];
      if (status === 'absent') return [{ message: `未找到${TABLE_NAMES[id]}`, keys: [] }];
      return [];
    });
  },
});
