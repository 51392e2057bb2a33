import { col, row } from './build.ts';
import type { ColumnSpec, RowSpec } from './types.ts';

/** The seven applicant columns of table B (same in both editions). */
export const APPLICANT_COLUMNS: readonly ColumnSpec[] = [
  col('natural', '自然人'),
  col('business', '商业企业'),
  col('research', '科研机构'),
  col('social', '社会公益组织'),
  col('legal', '法律服务机构'),
  col('other_org', '其他'),
  col('total', '总计'),
];

/** Keys of the six applicant columns that add up to 总计. */
export const APPLICANT_PARTS = ['natural', 'business', 'research', 'social', 'legal', 'other_org'] as const;

export const B_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const B_APPLICANT_HEADER = '申请人情况';
export const B_ORG_HEADER = '法人或其他组织';
export const B_RESULTS_GROUP = '三、本年度办理结果';

const R = B_RESULTS_GROUP;
const REFUSED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const REJECTED = '（五）不予处理';
const OTHER = '（六）其他处理';

/** Rows before the 其他处理 group, identical in both editions. */
export const B_ROWS_HEAD: readonly RowSpec[] = [
  row('new', '一、本年新收政府信息公开申请数量', ['一本年新收', '本年新收', '新收政府信息公开申请']),
  row('carried_in', '二、上年结转政府信息公开申请数量', ['二上年结转', '上年结转']),
  row('granted', '（一）予以公开', ['一予以公开', '予以公开'], [R]),
  row('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['二部分公开', '部分公开'], [R], '（二）部分公开'),
  row('refused.state_secret', '1.属于国家秘密', ['1属于国家秘密', '属于国家秘密', '国家秘密'], [R, REFUSED], '（三）1.属于国家秘密'),
  row(
    'refused.prohibited',
    '2.其他法律行政法规禁止公开',
    ['2其他法律行政法规禁止公开', '其他法律行政法规', '2其他法律', '禁止公开'],
    [R, REFUSED],
    '（三）2.其他法律行政法规禁止公开',
  ),
  row(
    'refused.security_stability',
    '3.危及“三安全一稳定”',
    ['3危及三安全一稳定', '三安全一稳定', '3危及'],
    [R, REFUSED],
    '（三）3.危及“三安全一稳定”',
  ),
  row(
    'refused.third_party',
    '4.保护第三方合法权益',
    ['4保护第三方合法权益', '第三方合法权益', '4保护第三方'],
    [R, REFUSED],
    '（三）4.保护第三方合法权益',
  ),
  row(
    'refused.internal_affairs',
    '5.属于三类内部事务信息',
    ['5属于三类内部事务信息', '内部事务信息', '三类内部事务'],
    [R, REFUSED],
    '（三）5.属于三类内部事务信息',
  ),
  row('refused.process_info', '6.属于四类过程性信息', ['6属于四类过程性信息', '过程性信息'], [R, REFUSED], '（三）6.属于四类过程性信息'),
  row('refused.enforcement_file', '7.属于行政执法案卷', ['7属于行政执法案卷', '行政执法案卷'], [R, REFUSED], '（三）7.属于行政执法案卷'),
  row('refused.inquiry', '8.属于行政查询事项', ['8属于行政查询事项', '行政查询事项'], [R, REFUSED], '（三）8.属于行政查询事项'),
  row(
    'unable.not_held',
    '1.本机关不掌握相关政府信息',
    ['1本机关不掌握相关政府信息', '不掌握相关政府信息', '不掌握'],
    [R, UNABLE],
    '（四）1.本机关不掌握相关政府信息',
  ),
  row(
    'unable.needs_creation',
    '2.没有现成信息需要另行制作',
    ['2没有现成信息需要另行制作', '没有现成信息', '另行制作'],
    [R, UNABLE],
    '（四）2.没有现成信息需要另行制作',
  ),
  row(
    'unable.still_unclear',
    '3.补正后申请内容仍不明确',
    ['3补正后申请内容仍不明确', '补正后申请内容', '仍不明确'],
    [R, UNABLE],
    '（四）3.补正后申请内容仍不明确',
  ),
  row('rejected.petition', '1.信访举报投诉类申请', ['1信访举报投诉类申请', '信访举报投诉', '信访举报'], [R, REJECTED], '（五）1.信访举报投诉类申请'),
  row('rejected.duplicate', '2.重复申请', ['2重复申请', '重复申请'], [R, REJECTED], '（五）2.重复申请'),
  row('rejected.publication', '3.要求提供公开出版物', ['3要求提供公开出版物', '公开出版物'], [R, REJECTED], '（五）3.要求提供公开出版物'),
  row(
    'rejected.vexatious',
    '4.无正当理由大量反复申请',
    ['4无正当理由大量反复申请', '大量反复申请', '反复申请'],
    [R, REJECTED],
    '（五）4.无正当理由大量反复申请',
  ),
  row(
    'rejected.reconfirm',
    '5.要求行政机关确认或重新出具已获取信息',
    ['5要求行政机关确认或重新出具已获取信息', '确认或重新出具', '重新出具'],
    [R, REJECTED],
    '（五）5.要求行政机关确认或重新出具已获取信息',
  ),
];

/** The three 其他处理 rows of the 2021 edition. */
export const B_OTHER_ROWS_2021: readonly RowSpec[] = [
  row(
    'other.no_correction',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    ['1申请人无正当理由逾期不补正', '逾期不补正'],
    [R, OTHER],
    '（六）1.逾期不补正',
  ),
  row(
    'other.fee_unpaid',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ['2申请人逾期未按收费通知', '未按收费通知', '逾期未缴纳', '缴纳费用'],
    [R, OTHER],
    '（六）2.逾期未缴纳费用',
  ),
  row('other.other', '3.其他', ['3其他'], [R, OTHER], '（六）3.其他'),
];

/** The single 其他处理 row of the 2019 edition. */
export const B_OTHER_ROW_2019: RowSpec = row('other.all', '（六）其他处理', ['六其他处理', '其他处理'], [R]);

/**
 * Keys of the single （六） row (the 2019 edition's), which a 2021-format table that still keeps
 * the group as one row holds instead of its three rows' keys.
 */
export const B_OTHER_MERGED_KEYS: readonly string[] = APPLICANT_COLUMNS.map((c) => `b.${B_OTHER_ROW_2019.key}.${c.key}`);

/** Rows after the 其他处理 group, identical in both editions. */
export const B_ROWS_TAIL: readonly RowSpec[] = [
  row('total', '（七）总计', ['七总计', '总计'], [R]),
  row('carried_out', '四、结转下年度继续办理', ['四结转下年度继续办理', '结转下年度', '结转下年']),
];

/** Keys of the rows that count one outcome each: what （七）总计 adds up. */
export function isLeafOutcome(key: string): boolean {
  return !['new', 'carried_in', 'total', 'carried_out'].includes(key);
}
