// The case's attachments: upload (with progress), list, download.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Space, Table, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useState } from 'react';
import { ApiError, csrfToken, download, get } from '../../api.ts';
import { formatSize, formatTime } from '../../format.ts';
import { ErrorAlert, errorText } from '../register/ErrorAlert.tsx';
import type { Attachment } from './types.ts';

export function CaseAttachments({ applicationId }: { applicationId: number }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const list = useQuery({
    queryKey: ['attachments', applicationId],
    queryFn: () => get<{ items: Attachment[] }>(`/applications/${applicationId}/attachments`),
  });
  // XMLHttpRequest rather than fetch: it reports upload progress.
  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    setError(undefined);
    const body = new FormData();
    body.append('file', file as Blob);
    if (note.trim()) body.append('note', note.trim());
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/applications/${applicationId}/attachments`);
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.({ percent: (e.loaded / e.total) * 100 });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onSuccess?.(JSON.parse(xhr.responseText));
        setNote('');
        message.success('附件已上传');
        void client.invalidateQueries({ queryKey: ['attachments', applicationId] });
        void client.invalidateQueries({ queryKey: ['audit'] });
      } else {
        let text = `上传失败（HTTP ${xhr.status}）`;
        try {
          text = (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? text;
        } catch {
          // not JSON
        }
        setError(text);
        onError?.(new Error(text));
      }
    };
    xhr.onerror = () => {
      setError('无法连接服务器，请检查网络后重试');
      onError?.(new Error('network'));
    };
    xhr.send(body);
  };
  if (list.error instanceof ApiError && list.error.status === 404 && /没有这个地址/.test(list.error.message))
    return <Alert type="info" showIcon title="附件功能尚未开通" description={errorText(list.error)} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={list.error} title="无法加载附件" />
      {error && <Alert type="error" showIcon title="上传失败" description={error} />}
      <Space align="start" wrap>
        <Input aria-label="附件说明" placeholder="附件说明（可不填）" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 260 }} />
        <Upload customRequest={customRequest} showUploadList={{ showRemoveIcon: false }} multiple={false}>
          <Button>上传附件</Button>
        </Upload>
      </Space>
      <Table<Attachment>
        aria-label="附件列表"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        locale={{ emptyText: '没有附件' }}
        columns={[
          { title: '文件名', dataIndex: 'fileName' },
          { title: '说明', dataIndex: 'note' },
          { title: '大小', dataIndex: 'size', width: 90, render: (n: number) => formatSize(n) },
          { title: '上传人', dataIndex: 'uploadedBy', width: 100 },
          { title: '上传时间', dataIndex: 'uploadedAt', width: 150, render: (t: string) => formatTime(t) },
          {
            title: '下载',
            key: 'download',
            width: 80,
            render: (_, a) => (
              <Button
                size="small"
                aria-label={`下载${a.fileName}`}
                onClick={() => download(`/attachments/${a.id}`, a.fileName).catch((e) => setError(errorText(e)))}
              >
                下载
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
