import { AppError } from './types.ts';

const SQLSTATE: Record<string, string> = {
  '22021': '数据含有数据库不接受的字符（如 NUL 空字符）',
  '22P05': '数据含有数据库不接受的字符（如 NUL 空字符）',
  '22001': '数据过长',
  '22007': '日期格式无效',
  '22008': '日期超出范围',
  '22': '数据无效',
  '23': '数据不符合约束',
  '08': '无法连接数据库',
  '53': '数据库资源不足（磁盘、内存或连接数）',
  '57': '数据库已关闭或正在重启',
  XX001: '数据库文件已损坏（数据页校验失败）：请从备份恢复',
  XX002: '数据库索引已损坏：请从备份恢复',
  '58': '数据库文件无法读写（磁盘或权限问题）',
};

/**
 * Turns a database refusal into an AppError with a Chinese message: a locked year, a broken
 * constraint. Other errors are returned unchanged.
 */
export function dbError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const locked = /gongkai:locked:(\d+)/.exec(message);
  if (locked) return new AppError('locked', `${locked[1]}年度报告已发布并锁定，不能再修改影响该年度报告的记录`);
  if (/gongkai:frozen:letters/.test(message)) return new AppError('conflict', '已出具的文书不能修改或删除；如需更正，请重新出具新版本');
  if (/gongkai:frozen:review_corrections/.test(message))
    return new AppError('conflict', '单元格的更正记录只能追加，不能修改或删除；如需撤销，请再提交一次更正（填原读取值）');
  if (/duplicate key value violates unique constraint "letters_application_id_kind_version_key"/.test(message))
    return new AppError('conflict', '同时出具了同一文书，请刷新后重试');
  if (/duplicate key value violates unique constraint "applications_agency_id_reference_key"/.test(message))
    return new AppError('conflict', '本机关已有相同编号的申请');
  if (/duplicate key value violates unique constraint "agencies_name_key"/.test(message)) return new AppError('conflict', '已有同名机关');
  if (/violates check constraint "([^"]+)"/.test(message))
    return new AppError('invalid', `数据不符合要求（约束 ${/violates check constraint "([^"]+)"/.exec(message)?.[1]}）`);
  // Any other refusal of the database: its SQLSTATE and a Chinese gist, never the message, which
  // may quote the values (an applicant's name, contact, content) or the statement's parameters.
  const sqlState = (error as { code?: unknown } | null)?.code;
  if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)) {
    const gist = SQLSTATE[sqlState] ?? SQLSTATE[sqlState.slice(0, 2)] ?? '数据库拒绝了这次操作';
    return new AppError(sqlState.startsWith('08') || sqlState.startsWith('53') ? 'unavailable' : 'invalid', `${gist}（SQLSTATE ${sqlState}）`, {
      sqlState,
    });
  }
  return error;
}
