// The lifecycle steps valid in the case's state, each a modal form with its date; the server
// judges every step again and its refusal (wrong state, not an approver…) is shown in the form.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, get, qs } from '../../api.ts';
import { formatYuan, todayCst } from '../../format.ts';
import { useMe } from '../../session.tsx';
import { DayPicker, requiredDay } from '../register/DayPicker.tsx';
import { ErrorAlert } from '../register/ErrorAlert.tsx';
import { markServerProblems } from '../register/server-errors.ts';
import { outcomeOptions, useVocabulary } from '../register/vocabulary.ts';
import type { CaseDetail } from './types.ts';

// The states each step may follow (the lifecycle's rule, mirrored to offer only sensible buttons).
const STEPS: { kind: string; label: string; from: string[]; danger?: boolean }[] = [
  { kind: 'correction_requested', label: '补正告知', from: ['received'] },
  { kind: 'correction_received', label: '收到补正', from: ['awaiting_correction'] },
  { kind: 'correction_lapsed', label: '逾期未补正', from: ['awaiting_correction'], danger: true },
  { kind: 'consultation_started', label: '征求意见', from: ['received'] },
  { kind: 'consultation_ended', label: '收到意见', from: ['consulting'] },
  { kind: 'extension', label: '延长答复期限', from: ['received', 'consulting'] },
  { kind: 'fee_notice', label: '发出收费通知', from: ['received'] },
  { kind: 'fee_paid', label: '缴费', from: ['awaiting_fee'] },
  { kind: 'fee_lapsed', label: '逾期未缴费', from: ['awaiting_fee'], danger: true },
  { kind: 'answered', label: '答复', from: ['received'] },
  { kind: 'withdrawn', label: '撤回', from: ['received', 'awaiting_correction', 'consulting', 'awaiting_fee'], danger: true },
];

interface Values {
  onDate: string;
  items?: string;
  dueOn?: string;
  party?: string;
  days?: number;
  approver?: string;
  method?: 'by_count' | 'by_pages';
  pages?: number;
  amount?: number;
  outcome?: string;
  reason?: string;
}

function FeeQuote({ applicationId, form }: { applicationId: number; form: ReturnType<typeof Form.useForm<Values>>[0] }) {
  const [quote, setQuote] = useState<{ amount: number; basis: string }>();
  const [error, setError] = useState<unknown>();
  const method = Form.useWatch('method', form);
  const compute = async () => {
    setError(undefined);
    try {
      const q = await get<{ amount: number; basis: string }>(
        `/applications/${applicationId}/fee${qs({ method, pages: method === 'by_pages' ? form.getFieldValue('pages') : undefined })}`,
      );
      setQuote(q);
      form.setFieldValue('amount', q.amount);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Form.Item label="计费方式" name="method" rules={[{ required: true, message: '请选择计费方式' }]}>
        <Radio.Group
          options={[
            { value: 'by_count', label: '按件计收' },
            { value: 'by_pages', label: '按量计收' },
          ]}
        />
      </Form.Item>
      {method === 'by_pages' && (
        <Form.Item label="页数" name="pages" rules={[{ required: true, message: '按量计收须填写页数' }]}>
          <InputNumber min={0} precision={0} style={{ width: 140 }} />
        </Form.Item>
      )}
      <Form.Item label="核算">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button onClick={compute}>按《政府信息公开信息处理费管理办法》计算</Button>
          {quote && (
            <Typography.Text aria-live="polite">
              {formatYuan(quote.amount)}：{quote.basis}
            </Typography.Text>
          )}
          <ErrorAlert error={error} title="无法计算" />
        </Space>
      </Form.Item>
      <Form.Item label="收费金额（元）" name="amount" rules={[{ required: true, message: '请填写收费金额' }]}>
        <InputNumber min={0} precision={2} style={{ width: 160 }} />
      </Form.Item>
    </>
  );
}

function StepModal({ step, detail, onClose }: { step: (typeof STEPS)[number]; detail: CaseDetail; onClose: () => void }) {
  const me = useMe();
  const client = useQueryClient();
  const { message } = App.useApp();
  const vocabulary = useVocabulary().data;
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const id = detail.application.id;
  const needsApprover = vocabulary?.approvalEvents.includes(step.kind) ?? false;

  const submit = async (v: Values) => {
    setError(undefined);
    setSaving(true);
    const data: Record<string, unknown> = {};
    if (v.items?.trim()) data.items = v.items.trim();
    if (v.dueOn) data.dueOn = v.dueOn;
    if (v.party?.trim()) data.party = v.party.trim();
    if (step.kind === 'extension') Object.assign(data, { days: v.days, approver: v.approver?.trim() });
    if (step.kind === 'fee_notice') Object.assign(data, { method: v.method, amount: v.amount });
    if (step.kind === 'fee_paid' && v.amount !== undefined && v.amount !== null) data.amount = v.amount;
    if (step.kind === 'answered') data.outcome = v.outcome;
    if (v.reason?.trim()) data.reason = v.reason.trim();
    try {
      await api('POST', `/applications/${id}/events`, { kind: step.kind, onDate: v.onDate, data });
      await Promise.all(
        ['application', 'audit', 'letters', 'applications', 'dashboard', 'due-all', 'fees'].map((k) => client.invalidateQueries({ queryKey: [k] })),
      );
      message.success(`已记录：${step.label}`);
      onClose();
    } catch (e) {
      markServerProblems(form, e, ['onDate', 'data.items', 'data.dueOn', 'data.days', 'data.approver', 'data.outcome']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  // Payment: the amount of the last fee notice, as a start.
  const notice = [...detail.events].reverse().find((e) => e.kind === 'fee_notice');
  const noticed = step.kind === 'fee_paid' && typeof notice?.data.amount === 'number' ? notice.data.amount : undefined;
  const answerable = (vocabulary?.outcomes ?? []).filter((o) => o.key !== 'other.no_correction' && o.key !== 'other.fee_unpaid');
  return (
    <Modal
      open
      title={step.label}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={620}
      // The dialog takes the focus as it opens (at once when there are no animations): hand it to the first field.
      afterOpenChange={(opened) => {
        if (opened) document.querySelector<HTMLInputElement>('.ant-modal-wrap .gk-first-field input')?.focus();
      }}
    >
      {needsApprover && me.user.role === 'clerk' && <Alert type="info" showIcon title="此环节须由审核人办理" style={{ marginBottom: 12 }} />}
      <ErrorAlert error={error} title="未能记录" />
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 17 }}
        onFinish={submit}
        initialValues={{ onDate: todayCst(), days: 20, approver: me.user.displayName, method: 'by_count', amount: noticed }}
      >
        <Form.Item label="日期" name="onDate" rules={[requiredDay('日期')]} className="gk-first-field">
          <DayPicker autoFocus />
        </Form.Item>
        {step.kind === 'correction_requested' && (
          <>
            <Form.Item label="需补正的内容" name="items" rules={[{ required: true, whitespace: true, message: '请写明需要补正的事项' }]}>
              <Input.TextArea rows={3} placeholder="一次性告知需要补正的事项" />
            </Form.Item>
            <Form.Item label="补正期限" name="dueOn" extra="给予申请人的合理补正期限（条例第三十条）">
              <DayPicker />
            </Form.Item>
          </>
        )}
        {step.kind === 'consultation_started' && (
          <Form.Item label="征求意见对象" name="party" rules={[{ required: true, whitespace: true, message: '请填写征求意见的第三方或机关' }]}>
            <Input />
          </Form.Item>
        )}
        {step.kind === 'extension' && (
          <>
            <Form.Item
              label="延长工作日"
              name="days"
              rules={[{ required: true, message: '请填写延长的工作日数' }]}
              extra="延长的期限最长不得超过20个工作日（条例第三十三条）"
            >
              <InputNumber min={1} max={20} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item
              label="批准人"
              name="approver"
              extra="须经政府信息公开工作机构负责人同意，并告知申请人（条例第三十三条）"
              rules={[{ required: true, whitespace: true, message: '请填写批准延期的政府信息公开工作机构负责人' }]}
            >
              <Input />
            </Form.Item>
          </>
        )}
        {step.kind === 'fee_notice' && <FeeQuote applicationId={id} form={form} />}
        {step.kind === 'fee_paid' && (
          <Form.Item label="缴费金额（元）" name="amount">
            <InputNumber min={0} precision={2} style={{ width: 160 }} />
          </Form.Item>
        )}
        {step.kind === 'answered' && (
          <Form.Item label="办理结果" name="outcome" rules={[{ required: true, message: '请选择表三中的办理结果' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="按年度报告表三选择"
              options={outcomeOptions(answerable)}
              listHeight={360}
            />
          </Form.Item>
        )}
        {step.kind === 'withdrawn' && (
          <Form.Item label="撤回原因" name="reason">
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        <Form.Item wrapperCol={{ offset: 6 }} style={{ marginBottom: 0 }}>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} danger={step.danger}>
              确定
            </Button>
            <Button onClick={onClose}>取消</Button>
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The buttons of the steps valid now (one 补正 and one extension per case), and the open step's form. */
export function CaseActions({ detail }: { detail: CaseDetail }) {
  const [open, setOpen] = useState<string>();
  const { state } = detail.application;
  const done = new Set(detail.events.map((e) => e.kind));
  const steps = STEPS.filter(
    (s) => s.from.includes(state) && !(s.kind === 'correction_requested' && done.has(s.kind)) && !(s.kind === 'extension' && done.has(s.kind)),
  );
  const current = STEPS.find((s) => s.kind === open);
  if (steps.length === 0) return <Typography.Text type="secondary">本申请已办结，没有可办理的环节。</Typography.Text>;
  return (
    <>
      <Space wrap aria-label="办理环节">
        {steps.map((s) => (
          <Button key={s.kind} onClick={() => setOpen(s.kind)} danger={s.danger} type={s.kind === 'answered' ? 'primary' : 'default'}>
            {s.label}
          </Button>
        ))}
      </Space>
      {current && <StepModal step={current} detail={detail} onClose={() => setOpen(undefined)} />}
    </>
  );
}
