// Adding a user, or changing one's name, role or whether they may sign in.
import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import type { Agency } from '../../workspace.tsx';
import { optionsOf } from './vocabulary.tsx';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: string;
  roleName: string;
  agencyId: number | null;
  mustChangePassword: boolean;
  disabled: boolean;
}

export interface UserValues {
  username?: string;
  displayName: string;
  role: string;
  agencyId?: number;
  disabled?: boolean;
}

interface Props {
  open: boolean;
  /** The user changed, or undefined to add one. */
  editing: UserRow | undefined;
  roles: Record<string, string> | undefined;
  agencies: Agency[];
  defaultAgencyId: number | undefined;
  onSubmit: (values: UserValues) => Promise<void>;
  onClose: () => void;
}

export function UserDialog({ open, editing, roles, agencies, defaultAgencyId, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<UserValues>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The form is filled when the dialog opens, and only then: the workspace's agency may arrive while
  // it is open and only fills an empty field, never wiping what was typed.
  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { displayName: editing.displayName, role: editing.role, disabled: editing.disabled }
        : { role: 'clerk', displayName: '', username: '' },
    );
  }, [open, editing, form]);
  useEffect(() => {
    if (open && !editing && defaultAgencyId !== undefined && form.getFieldValue('agencyId') === undefined)
      form.setFieldsValue({ agencyId: defaultAgencyId });
  }, [open, editing, defaultAgencyId, form]);
  const submit = async (values: UserValues) => {
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(values);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={editing ? `修改用户「${editing.username}」` : '添加用户'}
      okText={editing ? '保存' : '添加'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        {!editing && (
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]} extra="登录时使用，添加后不能修改">
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={optionsOf(roles)} />
        </Form.Item>
        {!editing && (
          <Form.Item label="所属机关" name="agencyId" rules={[{ required: true, message: '请选择机关' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
        )}
        {editing && (
          <Form.Item label="停用" name="disabled" valuePropName="checked" extra="停用后该用户不能登录，已登录的会话立即结束">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
