import type { Database } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { cellSpec, getFormat } from '../format/index.ts';
import type { Report } from '../report/index.ts';
import { recheckFollowing, recheckReport } from './checks.ts';

/** A cell corrected by hand: its key, the right figure (null: blank), and why. */
export interface CorrectionInput {
  key: string;
  value: number | null;
  reason: string;
}

/**
 * Appends a correction of one cell of a read report and re-runs its checks (and those of its
 * agency's next year in the batch, whose carry-over rules read this one), all in one
 * transaction with the reviewer as actor. The value as read is kept with the correction.
 */
export async function addCorrection(db: Database, actor: string, reportId: number, input: CorrectionInput): Promise<void> {
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('invalid', '请填写更正理由');
  if (reason.length > 500) throw new AppError('invalid', '更正理由不能超过500字');
  if (input.value !== null && !Number.isFinite(input.value)) throw new AppError('invalid', '更正后的值应为数字，或留空（null）');
  await db.transaction(actor, async (tx) => {
    const row = (
      await tx.query<{ status: string; format: string | null; report: Report | null }>(
        'select status, format, report from review_reports where id = $1 for update',
        [reportId],
      )
    ).rows[0];
    if (!row) throw new AppError('not_found', `没有这份报告：${reportId}`);
    if (row.status !== 'read' || !row.report) throw new AppError('conflict', '这份报告尚未读出（或无法读取），不能更正单元格');
    const format = getFormat(row.format === '2019' ? '2019' : '2021');
    if (!cellSpec(format, input.key)) throw new AppError('invalid', `「${input.key}」不是${format.name}的单元格`, { key: input.key });
    const read = row.report.cells[input.key];
    await tx.query(
      `insert into review_corrections (report_id, key, read_value, read_raw, value, reason, corrected_by)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [reportId, input.key, read?.value ?? null, read?.raw ?? null, input.value, reason, actor],
    );
    await recheckReport(tx, reportId);
    await recheckFollowing(tx, reportId);
  });
}
