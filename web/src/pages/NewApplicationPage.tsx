// 登记申请: every field of a new application, checked here and by the server; on success, the case.
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import { DayPicker, requiredDay } from '../components/register/DayPicker.tsx';
import { ErrorAlert } from '../components/register/ErrorAlert.tsx';
import { markServerProblems } from '../components/register/server-errors.ts';
import { optionsOf, useVocabulary } from '../components/register/vocabulary.ts';
import { todayCst } from '../format.ts';
import { useWorkspace } from '../workspace.tsx';

interface Values {
  agencyId: number;
  reference?: string;
  applicantKind: string;
  applicantName: string;
  applicantContact?: string;
  channel: string;
  submittedOn: string;
  confirmedOn?: string;
  content: string;
}

const FIELDS = ['agencyId', 'reference', 'applicantKind', 'applicantName', 'applicantContact', 'channel', 'submittedOn', 'confirmedOn', 'content'];

/** The second date 条例 art. 31 asks for by channel (none for in-person and other). */
function confirmation(channel: string | undefined): { label: string; help: string } | undefined {
  if (channel === 'registered_mail') return { label: '签收日期', help: '以挂号信、快递提交的，以行政机关签收之日为收到申请之日（条例第三十一条）' };
  if (channel === 'ordinary_mail')
    return {
      label: '确认收到日期',
      help: '以平常信函等无需签收的邮寄方式提交的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日（条例第三十一条）',
    };
  if (channel === 'online' || channel === 'fax')
    return { label: '确认收到日期', help: '通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（条例第三十一条）' };
  return undefined;
}

export default function NewApplicationPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { agencies, agencyId } = useWorkspace();
  const vocabulary = useVocabulary();
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form);
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const second = confirmation(channel);

  const submit = async (values: Values) => {
    setError(undefined);
    setSaving(true);
    try {
      const body = { ...values, reference: values.reference?.trim() || undefined, confirmedOn: second ? values.confirmedOn : undefined };
      const created = await api<{ application: { id: number; reference: string | null } }>('POST', '/applications', body);
      await client.invalidateQueries({ queryKey: ['applications'] });
      await client.invalidateQueries({ queryKey: ['dashboard'] });
      message.success(created.application.reference ? `已登记申请 ${created.application.reference}` : '已登记申请');
      navigate(`/applications/${created.application.id}`);
    } catch (e) {
      markServerProblems(form, e, FIELDS);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="登记政府信息公开申请" style={{ maxWidth: 860 }}>
      <ErrorAlert error={vocabulary.error} title="无法加载选项" />
      <ErrorAlert error={error} title="未能登记" />
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 18 }}
        onFinish={submit}
        initialValues={{ agencyId, applicantKind: 'natural', channel: 'in_person', submittedOn: todayCst() }}
        scrollToFirstError
      >
        <Form.Item label="受理机关" name="agencyId" rules={[{ required: true, message: '请选择受理机关' }]}>
          <Select options={agencies.map((a) => ({ value: a.id, label: a.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label="申请人类型" name="applicantKind" rules={[{ required: true, message: '请选择申请人类型' }]}>
          <Select options={optionsOf(vocabulary.data?.applicantKinds)} loading={vocabulary.isPending} />
        </Form.Item>
        <Form.Item
          label="申请人姓名或名称"
          name="applicantName"
          rules={[
            { required: true, whitespace: true, message: '请填写申请人姓名或名称' },
            { max: 200, message: '申请人姓名或名称不能超过200字' },
          ]}
        >
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item label="联系方式" name="applicantContact" rules={[{ max: 200, message: '联系方式不能超过200字' }]}>
          <Input autoComplete="off" placeholder="电话、通信地址或电子邮箱" />
        </Form.Item>
        <Form.Item label="提交方式" name="channel" rules={[{ required: true, message: '请选择提交方式' }]}>
          <Select options={optionsOf(vocabulary.data?.channels)} loading={vocabulary.isPending} />
        </Form.Item>
        <Form.Item label="提交日期" name="submittedOn" rules={[requiredDay('提交日期')]}>
          <DayPicker />
        </Form.Item>
        {second && (
          <Form.Item
            label={second.label}
            name="confirmedOn"
            extra={second.help}
            dependencies={['submittedOn']}
            rules={[
              requiredDay(second.label),
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  !value || !getFieldValue('submittedOn') || value >= getFieldValue('submittedOn')
                    ? Promise.resolve()
                    : Promise.reject(new Error(`${second.label}不能早于提交日期`)),
              }),
            ]}
          >
            <DayPicker />
          </Form.Item>
        )}
        <Form.Item label="申请内容" name="content" rules={[{ required: true, whitespace: true, message: '请填写申请公开的政府信息内容' }]}>
          <Input.TextArea rows={5} placeholder="申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述" />
        </Form.Item>
        <Form.Item label="编号" name="reference" extra="本机关的申请编号，可不填" rules={[{ max: 100, message: '编号不能超过100字' }]}>
          <Input autoComplete="off" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 5 }}>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              登记
            </Button>
            <Button onClick={() => navigate('/applications')}>取消</Button>
          </Space>
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          收到申请之日依《中华人民共和国政府信息公开条例》第三十一条确定，答复期限自收到申请之日起计算。
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}
