// Uploading reports into a batch: many files or a .zip dropped at once, one request per file with
// its own progress bar; the files the server would not take are listed with its reasons.
import { Alert, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useState } from 'react';
import type { ReportSummary } from './types.ts';
import { uploadFiles } from './upload.ts';

interface Answer {
  added: ReportSummary[];
  skipped: { name: string; reason: string }[];
}

export function BatchUpload({ batchId, onUploaded }: { batchId: number; onUploaded: () => void }) {
  const [skipped, setSkipped] = useState<{ name: string; reason: string }[]>([]);
  const [added, setAdded] = useState(0);
  const [failed, setFailed] = useState<{ name: string; reason: string }[]>([]);
  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const name = (file as File).name;
    uploadFiles<Answer>(`/review/batches/${batchId}/files`, [file as Blob], (percent) => onProgress?.({ percent }))
      .then((answer) => {
        setAdded((n) => n + answer.added.length);
        if (answer.skipped.length > 0) setSkipped((list) => [...list, ...answer.skipped]);
        onSuccess?.(answer);
        onUploaded();
      })
      .catch((e: Error) => {
        setFailed((list) => [...list, { name, reason: e.message }]);
        onError?.(e);
      });
  };
  return (
    <section aria-label="上传报告">
      <Upload.Dragger customRequest={customRequest} multiple showUploadList={{ showRemoveIcon: false }} aria-label="选择或拖入报告文件">
        <p style={{ fontSize: 16, margin: '8px 0' }}>点击选择或将文件拖到这里</p>
        <Typography.Text type="secondary">
          可一次选择多个文件，或上传 .zip 压缩包（含子文件夹）；支持 PDF、HTML、DOCX、OFD、文本等格式的年度报告
        </Typography.Text>
      </Upload.Dragger>
      {added > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} aria-live="polite">
          本次已加入 {added} 份报告
        </Typography.Text>
      )}
      {failed.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title="上传失败"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {failed.map((f, i) => (
                <li key={i}>
                  {f.name}：{f.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={`${skipped.length}个文件未加入`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} aria-label="未加入的文件">
              {skipped.map((f, i) => (
                <li key={i}>
                  {f.name}：{f.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </section>
  );
}
