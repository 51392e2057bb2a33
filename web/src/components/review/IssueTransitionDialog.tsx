// One step of a finding's workflow (POST /api/review/issues/:id/transition): confirm, dismiss with
// a reason, reopen, assign for 整改 (agency and due date), accept the response, or return it.
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DayPicker, requiredDay } from '../register/DayPicker.tsx';
import { errorText } from '../register/ErrorAlert.tsx';
import type { IssueView } from './types.ts';

export type IssueAction = 'confirm' | 'dismiss' | 'reopen' | 'assign' | 'accept' | 'return';

/** Each action's button text, dialog title, and whether the note is required. */
export const ISSUE_ACTIONS: Record<IssueAction, { label: string; title: string; noteRequired: boolean; notePlaceholder: string }> = {
  confirm: { label: '确认', title: '确认问题', noteRequired: false, notePlaceholder: '审核意见（可选）' },
  dismiss: { label: '排除', title: '排除问题', noteRequired: true, notePlaceholder: '排除的理由，如：报告原文无误，系读取错误' },
  reopen: { label: '重新打开', title: '重新打开', noteRequired: false, notePlaceholder: '重新打开的原因（可选）' },
  assign: { label: '交办整改', title: '交办整改', noteRequired: false, notePlaceholder: '整改要求（可选）' },
  accept: { label: '通过复核', title: '通过复核并归档', noteRequired: false, notePlaceholder: '复核意见（可选）' },
  return: { label: '退回整改', title: '退回整改', noteRequired: true, notePlaceholder: '退回的理由和进一步整改要求' },
};

/** The actions a status allows, in the order the buttons stand. */
export function actionsFor(status: IssueView['status']): IssueAction[] {
  switch (status) {
    case 'open':
      return ['confirm', 'dismiss'];
    case 'confirmed':
      return ['assign', 'reopen'];
    case 'dismissed':
      return ['reopen'];
    case 'responded':
      return ['accept', 'return'];
    default:
      return [];
  }
}

export interface TransitionInput {
  action: IssueAction;
  note?: string;
  agencyId?: number;
  dueOn?: string;
}

/** A due date 30 days from today (China time), a reasonable default for 整改. */
function defaultDue(): string {
  return new Date(Date.now() + 8 * 3600_000 + 30 * 86400_000).toISOString().slice(0, 10);
}

export function IssueTransitionDialog({
  issue,
  action,
  agencies,
  defaultAgencyId,
  onClose,
  onSubmit,
}: {
  issue: IssueView | undefined;
  action: IssueAction | undefined;
  agencies: { id: number; name: string }[];
  defaultAgencyId: number | undefined;
  onClose: () => void;
  onSubmit: (input: TransitionInput) => Promise<void>;
}) {
  const [form] = Form.useForm<{ note?: string; agencyId?: number; dueOn?: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const open = issue !== undefined && action !== undefined;
  // The form is reset when the dialog opens for an issue and action, and only then: the register's
  // agencies may arrive while it is open, and must not wipe what was typed or a validation message.
  const opening = open ? `${issue.id}:${action}` : undefined;
  useEffect(() => {
    if (!opening) return;
    setFailure(undefined);
    form.resetFields();
  }, [opening, form]);
  const assignedAgencyId = action === 'assign' && issue ? (issue.assignedAgencyId ?? defaultAgencyId) : undefined;
  const assignedDue = action === 'assign' && issue ? (issue.dueOn ?? defaultDue()) : undefined;
  useEffect(() => {
    if (!opening) return;
    // Defaults fill empty fields only, so a later-arriving default never overrides a choice.
    if (assignedAgencyId !== undefined && form.getFieldValue('agencyId') === undefined) form.setFieldsValue({ agencyId: assignedAgencyId });
    if (assignedDue !== undefined && form.getFieldValue('dueOn') === undefined) form.setFieldsValue({ dueOn: assignedDue });
  }, [opening, assignedAgencyId, assignedDue, form]);
  const spec = action ? ISSUE_ACTIONS[action] : undefined;
  const submit = async () => {
    // A missing required note is shown under its field by the form; nothing is sent.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit({ action: action!, note: values.note?.trim() || undefined, agencyId: values.agencyId, dueOn: values.dueOn });
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={spec?.title}
      okText={spec?.label}
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {issue && (
        <Typography.Paragraph>
          <Typography.Text strong>问题：</Typography.Text>
          {issue.message}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" requiredMark={false}>
        {action === 'assign' && (
          <>
            <Form.Item name="agencyId" label="整改机关" rules={[{ required: true, message: '请选择整改机关' }]}>
              <Select
                aria-label="整改机关"
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择负责整改的机关"
                options={agencies.map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
            <Form.Item name="dueOn" label="整改期限" rules={[requiredDay('整改期限')]}>
              <DayPicker aria-label="整改期限" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="note"
          label={action === 'dismiss' ? '排除理由' : action === 'return' ? '退回理由' : '说明'}
          rules={
            spec?.noteRequired
              ? [{ required: true, whitespace: true, message: action === 'dismiss' ? '排除问题须说明理由' : '退回整改须说明理由' }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder={spec?.notePlaceholder} />
        </Form.Item>
      </Form>
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
    </Modal>
  );
}
