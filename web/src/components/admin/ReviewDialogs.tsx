// Recording a reconsideration or lawsuit, and closing one with its result.
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { optionsOf } from './vocabulary.tsx';

interface AddValues {
  kind: string;
  filedOn: Dayjs;
  applicationId?: number;
  note?: string;
}

interface CloseValues {
  result: string;
  closedOn: Dayjs;
}

function useDialog<T extends object>(open: boolean, submit: (values: T) => Promise<void>) {
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
    }
  }, [open, form]);
  const finish = async (values: T) => {
    setBusy(true);
    setError(undefined);
    try {
      await submit(values);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { form, error, busy, finish };
}

export function AddReviewDialog(props: {
  open: boolean;
  kinds: Record<string, string> | undefined;
  onSubmit: (input: { kind: string; filedOn: string; applicationId?: number; note?: string }) => Promise<void>;
  onClose: () => void;
}) {
  const { form, error, busy, finish } = useDialog<AddValues>(props.open, (v) =>
    props.onSubmit({ kind: v.kind, filedOn: v.filedOn.format('YYYY-MM-DD'), applicationId: v.applicationId ?? undefined, note: v.note || undefined }),
  );
  return (
    <Modal
      open={props.open}
      title="登记行政复议或行政诉讼"
      okText="登记"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={finish}>
        <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={optionsOf(props.kinds)} />
        </Form.Item>
        <Form.Item label="收到日期" name="filedOn" rules={[{ required: true, message: '请选择收到复议申请或起诉状的日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="所涉申请的内部编号" name="applicationId" extra="可不填">
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CloseReviewDialog(props: {
  open: boolean;
  title: string;
  results: Record<string, string> | undefined;
  onSubmit: (input: { result: string; closedOn: string }) => Promise<void>;
  onClose: () => void;
}) {
  const { form, error, busy, finish } = useDialog<CloseValues>(props.open, (v) =>
    props.onSubmit({ result: v.result, closedOn: v.closedOn.format('YYYY-MM-DD') }),
  );
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText="审结"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={finish}>
        <Form.Item label="结果" name="result" rules={[{ required: true, message: '请选择结果' }]}>
          <Select options={optionsOf(props.results)} />
        </Form.Item>
        <Form.Item label="审结日期" name="closedOn" rules={[{ required: true, message: '请选择审结日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
