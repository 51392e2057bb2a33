import { col, row } from './build.ts';
import type { BlockSpec } from './types.ts';

/** Table C (same in both editions): three groups of five columns, laid out as one row. */
export const TABLE_C_BLOCK: BlockSpec = {
  rows: [
    row('review', '行政复议', ['行政复议']),
    row('suit_direct', '未经复议直接起诉', ['未经复议直接起诉', '直接起诉'], ['行政诉讼']),
    row('suit_after_review', '复议后起诉', ['复议后起诉'], ['行政诉讼']),
  ],
  columns: [col('upheld', '结果维持'), col('corrected', '结果纠正'), col('other', '其他结果'), col('pending', '尚未审结'), col('total', '总计')],
};

export const TABLE_C_TITLE = '四、政府信息公开行政复议、行政诉讼情况';
