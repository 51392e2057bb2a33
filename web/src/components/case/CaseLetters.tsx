// The case's letters: issued versions (frozen, downloadable as DOCX) and the kinds available now,
// each previewed (title, paragraphs, legal basis) before it is issued as a new version: both
// buttons open the preview, where 生成并签发 issues it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, download, get, qs } from '../../api.ts';
import { formatTime } from '../../format.ts';
import { ErrorAlert, errorText } from '../register/ErrorAlert.tsx';
import type { Letter, LetterKind, LetterPreview } from './types.ts';

function PreviewModal({ applicationId, kind, onClose }: { applicationId: number; kind: LetterKind; onClose: () => void }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const preview = useQuery({
    queryKey: ['letter-preview', applicationId, kind.kind],
    queryFn: () => get<LetterPreview>(`/applications/${applicationId}/letters/preview${qs({ kind: kind.kind })}`),
  });
  const issue = useMutation({
    mutationFn: () => api<Letter>('POST', `/applications/${applicationId}/letters`, { kind: kind.kind }),
    onSuccess: async (letter) => {
      await client.invalidateQueries({ queryKey: ['letters', applicationId] });
      await client.invalidateQueries({ queryKey: ['audit'] });
      message.success(`已签发${letter.kindName}（第${letter.version}版）`);
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`预览：${kind.kindName}`}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" loading={issue.isPending} disabled={!preview.data || !kind.ready} onClick={() => issue.mutate()}>
            生成并签发
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={preview.error} title="无法预览" />
      <ErrorAlert error={issue.error} title="未能签发" />
      {preview.isPending && <Spin />}
      {preview.data && (
        <article aria-label="文书预览" style={{ border: '1px solid #f0f0f0', padding: '16px 24px', maxHeight: '60vh', overflow: 'auto' }}>
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {preview.data.title}
          </Typography.Title>
          {preview.data.paragraphs.map((p, i) => (
            <Typography.Paragraph key={i} style={{ textIndent: '2em', whiteSpace: 'pre-wrap' }}>
              {p}
            </Typography.Paragraph>
          ))}
          <Divider style={{ margin: '8px 0' }} />
          <Typography.Text type="secondary">法律依据：{preview.data.legalBasis}</Typography.Text>
        </article>
      )}
      <Alert type="info" showIcon style={{ marginTop: 12 }} title="签发后文书即固定，不能修改；如需更正，须另行签发新版本。" />
    </Modal>
  );
}

export function CaseLetters({ applicationId }: { applicationId: number }) {
  const [previewing, setPreviewing] = useState<LetterKind>();
  const [downloadError, setDownloadError] = useState<unknown>();
  const letters = useQuery({
    queryKey: ['letters', applicationId],
    queryFn: () => get<{ items: Letter[]; available: LetterKind[] }>(`/applications/${applicationId}/letters`),
  });
  if (letters.error instanceof ApiError && letters.error.status === 404 && /没有这个地址/.test(letters.error.message))
    return <Alert type="info" showIcon title="文书功能尚未开通" description={errorText(letters.error)} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={letters.error} title="无法加载文书" />
      <ErrorAlert error={downloadError} title="下载失败" />
      {letters.data && (
        <>
          <Table<LetterKind>
            aria-label="可签发的文书"
            size="small"
            rowKey="kind"
            pagination={false}
            showHeader={false}
            dataSource={letters.data.available}
            columns={[
              { title: '文书', dataIndex: 'kindName', width: 220 },
              {
                title: '情况',
                key: 'reason',
                render: (_, k) =>
                  k.ready ? <Tag color="green">可以签发</Tag> : <Typography.Text type="secondary">{k.reason ?? '暂不能签发'}</Typography.Text>,
              },
              {
                title: '操作',
                key: 'actions',
                width: 190,
                render: (_, k) => (
                  <Space size={4}>
                    <Button size="small" disabled={!k.ready} onClick={() => setPreviewing(k)} aria-label={`预览${k.kindName}`}>
                      预览
                    </Button>
                    <Button size="small" type="primary" disabled={!k.ready} onClick={() => setPreviewing(k)} aria-label={`生成并签发${k.kindName}`}>
                      生成并签发
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
          <Typography.Text strong>已签发的文书</Typography.Text>
          <Table<Letter>
            aria-label="已签发的文书"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={letters.data.items}
            locale={{ emptyText: '尚未签发文书' }}
            columns={[
              { title: '文书', dataIndex: 'kindName' },
              { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第${v}版` },
              { title: '办理结果', dataIndex: 'outcomeLabel', render: (v: string | null) => v ?? '' },
              { title: '签发时间', dataIndex: 'issuedAt', width: 150, render: (t: string) => formatTime(t) },
              { title: '签发人', dataIndex: 'issuedBy', width: 100 },
              {
                title: '下载',
                key: 'download',
                width: 110,
                render: (_, letter) => (
                  <Button
                    size="small"
                    aria-label={`下载${letter.kindName}第${letter.version}版`}
                    onClick={() => download(`/letters/${letter.id}/docx`, letter.fileName).catch(setDownloadError)}
                  >
                    下载 DOCX
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      {previewing && <PreviewModal applicationId={applicationId} kind={previewing} onClose={() => setPreviewing(undefined)} />}
    </Space>
  );
}
