import { AppError } from './types.ts';

/**
 * Turns a database refusal into an AppError with a Chinese message: a locked year, a broken
 * constraint. Other errors are returned unchanged.
 */
export function dbError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const locked = /gongkai:locked:(\d+)/.exec(message);
  if (locked) return new AppError('locked', `${locked[1]}年度报告已发布并锁定，不能再修改影响该年度报告的记录`);
  if (/duplicate key value violates unique constraint "applications_agency_id_reference_key"/.test(message))
    return new AppError('conflict', '本机关已有相同编号的申请');
  if (/duplicate key value violates unique constraint "agencies_name_key"/.test(message)) return new AppError('conflict', '已有同名机关');
  if (/violates check constraint/.test(message)) return new AppError('invalid', `数据不符合要求（${message}）`);
  return error;
}
