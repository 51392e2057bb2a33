import { col, row } from './build.ts';
import { APPLICANT_COLUMNS, B_OTHER_ROWS_2021, B_ROWS_HEAD, B_ROWS_TAIL } from './table-b.ts';
import { TABLE_C_BLOCK, TABLE_C_TITLE } from './table-c.ts';
import type { FormatSpec } from './types.ts';

const DECISIONS = col('decisions', '本年处理决定数量');

/** The 2021 edition (国办公开办函〔2021〕30号), used for reports on 2021 and later. */
export const FORMAT_2021: FormatSpec = {
  id: '2021',
  name: '2021年版（国办公开办函〔2021〕30号）',
  markers: ['本年制发件数', '本年废止件数', '现行有效件数', '逾期不补正'],
  tables: [
    {
      id: 'a',
      title: '二、主动公开政府信息情况',
      blocks: [
        {
          label: '第二十条第（一）项',
          columns: [col('issued', '本年制发件数'), col('repealed', '本年废止件数'), col('in_force', '现行有效件数')],
          rows: [row('rules', '规章', ['规章']), row('normative', '行政规范性文件', ['行政规范性文件', '规范性文件'])],
        },
        {
          label: '第二十条第（五）项',
          columns: [DECISIONS],
          rows: [row('licensing', '行政许可', ['行政许可'])],
        },
        {
          label: '第二十条第（六）项',
          columns: [DECISIONS],
          rows: [row('penalty', '行政处罚', ['行政处罚']), row('enforcement', '行政强制', ['行政强制'])],
        },
        {
          label: '第二十条第（八）项',
          columns: [col('amount', '本年收费金额（单位：万元）', 'amount')],
          rows: [row('fees', '行政事业性收费', ['行政事业性收费', '事业性收费'])],
        },
      ],
    },
    {
      id: 'b',
      title: '三、收到和处理政府信息公开申请情况',
      blocks: [{ columns: APPLICANT_COLUMNS, rows: [...B_ROWS_HEAD, ...B_OTHER_ROWS_2021, ...B_ROWS_TAIL] }],
    },
    { id: 'c', title: TABLE_C_TITLE, blocks: [TABLE_C_BLOCK] },
  ],
};
