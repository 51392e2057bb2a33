// 新建审阅批次: a name (「2025年度区级部门年报审查」) and, optionally, the report year.
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import type { BatchSummary } from './types.ts';

interface Values {
  name: string;
  year?: number | null;
}

export function NewBatchDialog({ open, onCreated, onClose }: { open: boolean; onCreated: (batch: BatchSummary) => void; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
  }, [open, form]);
  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = { name: values.name.trim(), ...(values.year ? { year: values.year } : {}) };
      onCreated(await api<BatchSummary>('POST', '/review/batches', body));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="新建审阅批次"
      okText="新建"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label="批次名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入批次名称' },
            { max: 200, message: '名称不能超过200个字' },
          ]}
        >
          <Input autoComplete="off" placeholder="例如：2025年度区级部门年报审查" />
        </Form.Item>
        <Form.Item label="报告年度" name="year" extra="可不填；各报告的年度以读取结果为准">
          <InputNumber min={2008} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
