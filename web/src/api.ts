// The one way the pages talk to the server: JSON over /api, the CSRF token echoed on every
// change (double submit), the server's Chinese error message carried in ApiError.

/** An error the server answered with (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The CSRF token of the session cookie, for requests made without `request` (uploads with progress). */
export function csrfToken(): string {
  const match = /(?:^|;\s*)gk_csrf=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : '';
}

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } };
    if (body.error?.message) return new ApiError(response.status, body.error.code ?? 'error', body.error.message, body.error.details);
  } catch {
    // not JSON: fall through to the status
  }
  return new ApiError(response.status, 'error', `服务器返回错误（HTTP ${response.status}）`);
}

/** Listeners told when the session has ended (401), so the app can show the login page. */
const signedOut = new Set<() => void>();
export function onSignedOut(listener: () => void): () => void {
  signedOut.add(listener);
  return () => signedOut.delete(listener);
}

/** Sends a request; `body` is JSON unless it is FormData (uploads). */
export async function request(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken();
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const error = await failure(response);
    if (response.status === 401 && path !== '/login') for (const listener of signedOut) listener();
    throw error;
  }
  return response;
}

/** A JSON request. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await request(method, path, body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GET shorthand, for react-query's queryFn. */
export function get<T>(path: string): Promise<T> {
  return api<T>('GET', path);
}

/** Downloads a file the server sends (a letter, an export) under the name it gives. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await request('GET', path);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]!) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
