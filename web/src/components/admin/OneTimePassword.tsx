// A one-time password, shown this once: the server keeps only its hash.
import { Alert, Modal, Typography } from 'antd';

interface Props {
  shown: { username: string; password: string } | undefined;
  onClose: () => void;
}

export function OneTimePassword({ shown, onClose }: Props) {
  return (
    <Modal
      open={shown !== undefined}
      title="一次性密码"
      onOk={onClose}
      onCancel={onClose}
      okText="我已记下"
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {shown && (
        <>
          <p>用户「{shown.username}」的一次性密码：</p>
          <Typography.Paragraph copyable={{ text: shown.password }} style={{ fontSize: 20, fontFamily: 'monospace' }} data-testid="one-time-password">
            {shown.password}
          </Typography.Paragraph>
          <Alert
            type="warning"
            showIcon
            title="此密码只显示这一次"
            description="请当面或通过安全渠道交给本人；首次登录后须设置新密码。关闭本窗口后无法再查看，只能重新重置。"
          />
        </>
      )}
    </Modal>
  );
}
