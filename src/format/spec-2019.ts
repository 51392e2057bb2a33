import { col, row } from './build.ts';
import { APPLICANT_COLUMNS, B_OTHER_ROW_2019, B_ROWS_HEAD, B_ROWS_TAIL } from './table-b.ts';
import { TABLE_C_BLOCK, TABLE_C_TITLE } from './table-c.ts';
import type { FormatSpec } from './types.ts';

const PREVIOUS = col('previous', '上一年项目数量');
const CHANGE = col('change', '本年增/减', 'change');
const DECISIONS = col('decisions', '处理决定数量');

/** The 2019 edition (国办公开办函〔2019〕60号), used for reports on 2019 and 2020. */
export const FORMAT_2019: FormatSpec = {
  id: '2019',
  name: '2019年版（国办公开办函〔2019〕60号）',
  markers: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '其他对外管理服务事项', '政府集中采购'],
  tables: [
    {
      id: 'a',
      title: '二、主动公开政府信息情况',
      blocks: [
        {
          label: '第二十条第（一）项',
          columns: [col('made', '本年新制作数量'), col('published', '本年新公开数量'), col('public_total', '对外公开总数量')],
          rows: [row('rules', '规章', ['规章']), row('normative', '规范性文件', ['规范性文件'])],
        },
        {
          label: '第二十条第（五）项',
          columns: [PREVIOUS, CHANGE, DECISIONS],
          rows: [row('licensing', '行政许可', ['行政许可']), row('other_services', '其他对外管理服务事项', ['其他对外管理服务事项', '对外管理服务'])],
        },
        {
          label: '第二十条第（六）项',
          columns: [PREVIOUS, CHANGE, DECISIONS],
          rows: [row('penalty', '行政处罚', ['行政处罚']), row('enforcement', '行政强制', ['行政强制'])],
        },
        {
          label: '第二十条第（八）项',
          columns: [PREVIOUS, CHANGE],
          rows: [row('fees', '行政事业性收费', ['行政事业性收费', '事业性收费'])],
        },
        {
          label: '第二十条第（九）项',
          columns: [col('items', '采购项目数量'), col('amount', '采购总金额', 'amount')],
          rows: [row('procurement', '政府集中采购', ['政府集中采购', '集中采购'])],
        },
      ],
    },
    {
      id: 'b',
      title: '三、收到和处理政府信息公开申请情况',
      blocks: [{ columns: APPLICANT_COLUMNS, rows: [...B_ROWS_HEAD, B_OTHER_ROW_2019, ...B_ROWS_TAIL] }],
    },
    { id: 'c', title: TABLE_C_TITLE, blocks: [TABLE_C_BLOCK] },
  ],
};
