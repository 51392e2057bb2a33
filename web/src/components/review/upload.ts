// Uploads to the reviewer console with XMLHttpRequest rather than fetch: it reports upload progress.
import { csrfToken } from '../../api.ts';

/** Posts `files` as multipart field `files`; progress in percent; resolves with the JSON answer or rejects with the server's Chinese message. */
export function uploadFiles<T>(path: string, files: readonly Blob[], onProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const body = new FormData();
    for (const file of files) body.append('files', file, file instanceof File ? file.name : 'file');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress((e.loaded / e.total) * 100);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new Error('服务器的答复无法识别'));
        }
        return;
      }
      let text = `上传失败（HTTP ${xhr.status}）`;
      try {
        text = (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? text;
      } catch {
        // not JSON: the status says enough
      }
      reject(new Error(text));
    };
    xhr.onerror = () => reject(new Error('无法连接服务器，请检查网络后重试'));
    xhr.send(body);
  });
}
