// A server refusal or failure shown as the server said it (text, never markup).
import { Alert } from 'antd';
import { ApiError } from '../../api.ts';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** An antd Alert with the server's message; 403/404 say the record is not reachable. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : 0;
  const heading = title ?? (status === 404 ? '找不到该记录' : status === 403 ? '无权查看' : '操作未成功');
  return <Alert type="error" showIcon title={heading} description={errorText(error)} style={{ marginBottom: 12 }} />;
}
