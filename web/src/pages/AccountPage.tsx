// The signed-in user's account: change the password (required after a one-time password).
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../api.ts';

interface Values {
  current: string;
  password: string;
  again: string;
}

export default function AccountPage({ mustChange = false }: { mustChange?: boolean }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const [form] = Form.useForm<Values>();
  const submit = async ({ current, password }: Values) => {
    setError(undefined);
    try {
      await api('POST', '/me/password', { current, password });
      form.resetFields();
      message.success('密码已修改');
      await client.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <main style={{ display: 'flex', justifyContent: 'center', paddingTop: mustChange ? '10vh' : 0 }}>
      <Card title="修改密码" style={{ width: 420 }}>
        {mustChange && <Alert type="warning" showIcon title="您使用的是一次性密码，请先设置新密码" style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item label="当前密码" name="current" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label="新密码" name="password" rules={[{ required: true, min: 10, message: '新密码至少10个字符' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="再次输入新密码"
            name="again"
            dependencies={['password']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      </Card>
    </main>
  );
}
