// The case's events in order, each with its date, who recorded it and its particulars.
import { Timeline, Typography } from 'antd';
import { formatDay, formatYuan } from '../../format.ts';
import { useVocabulary } from '../register/vocabulary.ts';
import type { CaseEvent } from './types.ts';

const COLORS: Record<string, string> = {
  received: 'blue',
  correction_requested: 'orange',
  consultation_started: 'purple',
  extension: 'orange',
  fee_notice: 'gold',
  answered: 'green',
  withdrawn: 'gray',
  correction_lapsed: 'red',
  fee_lapsed: 'red',
};

function particulars(event: CaseEvent, outcomeLabel: (key: string) => string): string[] {
  const d = event.data ?? {};
  const out: string[] = [];
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  if (d.items) out.push(`补正内容：${text(d.items)}`);
  if (d.dueOn) out.push(`补正期限：${formatDay(text(d.dueOn))}`);
  if (d.party) out.push(`征求意见对象：${text(d.party)}`);
  if (d.days) out.push(`延长${text(d.days)}个工作日`);
  if (d.approver) out.push(`批准人：${text(d.approver)}`);
  if (d.method) out.push(`计费方式：${d.method === 'by_pages' ? '按量' : '按件'}`);
  if (typeof d.amount === 'number') out.push(`金额：${formatYuan(d.amount)}`);
  if (d.outcome) out.push(`办理结果：${outcomeLabel(text(d.outcome))}`);
  if (d.reason) out.push(`${event.kind === 'received' ? '收到申请之日' : '原因'}：${text(d.reason)}`);
  if (d.note) out.push(`说明：${text(d.note)}`);
  return out;
}

export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const outcomes = useVocabulary().data?.outcomes ?? [];
  const label = (key: string) => outcomes.find((o) => o.key === key)?.label ?? key;
  return (
    <Timeline
      aria-label="办理过程"
      items={events.map((e) => ({
        key: e.id,
        color: COLORS[e.kind] ?? 'blue',
        content: (
          <div>
            <Typography.Text strong>{formatDay(e.onDate)}</Typography.Text> <Typography.Text>{e.name}</Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              （{e.actor}）
            </Typography.Text>
            {particulars(e, label).map((line, i) => (
              <div key={i} style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
                {line}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
