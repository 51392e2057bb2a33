// 更正 a misread cell: the value in effect (blank allowed: the cell holds no number) and the reason
// (required). The server keeps the value as read, re-runs the checks and answers the report anew.
import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { errorText } from '../register/ErrorAlert.tsx';
import { shownValue } from './common.tsx';
import type { CellView, ReportDetail } from './types.ts';

interface Values {
  value: number | null;
  reason: string;
}

export function CorrectionDialog({
  reportId,
  cell,
  onDone,
  onClose,
}: {
  reportId: number;
  cell: CellView | undefined;
  onDone: (detail: ReportDetail) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!cell) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue({ value: cell.value, reason: '' });
  }, [cell, form]);
  const submit = async (values: Values) => {
    if (!cell) return;
    setBusy(true);
    setError(undefined);
    try {
      const value = values.value === undefined || values.value === null ? null : Number(values.value);
      onDone(await api<ReportDetail>('POST', `/review/reports/${reportId}/corrections`, { key: cell.key, value, reason: values.reason.trim() }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={cell !== undefined}
      title="更正单元格"
      okText="更正"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {cell && (
        <Typography.Paragraph>
          {cell.table}「{cell.row}」「{cell.column}」
          <br />
          <Typography.Text type="secondary">
            原文读取为「{cell.read ? cell.read.raw || '空白' : '未找到'}」，现值 {shownValue(cell.value)}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="更正后的数值" name="value" extra="留空表示该单元格没有数字（空白、「/」「—」「无」等）">
          <InputNumber style={{ width: 200 }} min={0} />
        </Form.Item>
        <Form.Item
          label="更正理由"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写更正理由' },
            { max: 500, message: '理由不能超过500个字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="例如：原文为扫描件，“8”被识别为“0”" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
