// 用户管理: the users of the administrator's agencies; add one (a one-time password shown once),
// rename, change role, disable, reset a password.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, get } from '../api.ts';
import { OneTimePassword } from '../components/admin/OneTimePassword.tsx';
import { UserDialog, type UserRow, type UserValues } from '../components/admin/UserDialog.tsx';
import { useVocabulary } from '../components/admin/vocabulary.tsx';
import { useMe } from '../session.tsx';
import { useWorkspace } from '../workspace.tsx';

export default function UsersPage() {
  const me = useMe();
  const { agencies, agencyId } = useWorkspace();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const vocabulary = useVocabulary();
  const users = useQuery({ queryKey: ['users'], queryFn: () => get<{ items: UserRow[] }>('/users') });
  const [dialog, setDialog] = useState<{ editing?: UserRow } | undefined>();
  const [password, setPassword] = useState<{ username: string; password: string }>();
  const agencyName = (id: number | null) => (id === null ? '全部机关（系统管理员）' : (agencies.find((a) => a.id === id)?.name ?? `机关 ${id}`));

  const submit = async (values: UserValues) => {
    if (dialog?.editing) {
      const { editing } = dialog;
      await api('PATCH', `/users/${editing.id}`, { displayName: values.displayName, role: values.role, disabled: values.disabled ?? false });
      message.success(`已保存用户「${editing.username}」`);
    } else {
      const created = await api<{ user: UserRow; oneTimePassword?: string }>('POST', '/users', {
        username: values.username,
        displayName: values.displayName,
        role: values.role,
        agencyId: values.agencyId,
      });
      if (created.oneTimePassword) setPassword({ username: created.user.username, password: created.oneTimePassword });
    }
    setDialog(undefined);
    await client.invalidateQueries({ queryKey: ['users'] });
  };

  const reset = (user: UserRow) =>
    modal.confirm({
      title: `重置「${user.displayName}」的密码？`,
      content: '将生成新的一次性密码，该用户现有的登录会话立即结束，下次登录后须设置新密码。',
      okText: '重置密码',
      cancelText: '取消',
      onOk: async () => {
        try {
          const { oneTimePassword } = await api<{ oneTimePassword: string }>('POST', `/users/${user.id}/password-reset`);
          setPassword({ username: user.username, password: oneTimePassword });
          await client.invalidateQueries({ queryKey: ['users'] });
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  if (users.error) return <Alert type="error" showIcon title="无法载入用户" description={users.error.message} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          用户管理
        </Typography.Title>
        <Button type="primary" onClick={() => setDialog({})}>
          添加用户
        </Button>
      </Flex>
      <Table<UserRow>
        size="small"
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data?.items}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roleName' },
          { title: '所属机关', dataIndex: 'agencyId', render: agencyName },
          {
            title: '状态',
            key: 'state',
            render: (_, u) =>
              u.disabled ? <Tag>已停用</Tag> : u.mustChangePassword ? <Tag color="orange">待设置新密码</Tag> : <Tag color="green">正常</Tag>,
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, u) =>
              u.id === me.user.id ? (
                <Typography.Text type="secondary">本人（请在页首修改密码）</Typography.Text>
              ) : (
                <Flex gap={4}>
                  <Button size="small" onClick={() => setDialog({ editing: u })} aria-label={`修改${u.username}`}>
                    修改
                  </Button>
                  <Button size="small" onClick={() => reset(u)} aria-label={`重置${u.username}的密码`}>
                    重置密码
                  </Button>
                </Flex>
              ),
          },
        ]}
      />
      <UserDialog
        open={dialog !== undefined}
        editing={dialog?.editing}
        roles={vocabulary.data?.roles}
        agencies={agencies}
        defaultAgencyId={agencyId}
        onSubmit={submit}
        onClose={() => setDialog(undefined)}
      />
      <OneTimePassword shown={password} onClose={() => setPassword(undefined)} />
    </Flex>
  );
}
