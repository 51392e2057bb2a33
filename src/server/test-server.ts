import type { Database } from '../db/index.ts';
import { testDatabase } from '../testing/db.ts';
import { createUser } from './accounts.ts';
import type { AppOptions } from './app.ts';
import type { UserRole } from './roles.ts';
import { type RunningServer, startServer } from './serve.ts';

/** A response as the tests look at it. */
export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

/** A browser-like client of the test server: keeps its cookies, echoes the CSRF token unless told not to. */
export class Client {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string) {}

  /** Sends a request and returns the raw response (cookies kept); a plain object body goes as JSON. */
  async fetch(
    method: string,
    path: string,
    options: { json?: unknown; body?: BodyInit; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(this.base + path, { method, headers, body });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = (pair ?? '').split('=') as [string, string];
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Sends a request; a plain object body goes as JSON; the reply's body parsed as JSON when it is. */
  async request(
    method: string,
    path: string,
    options: { json?: unknown; body?: BodyInit; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<Reply> {
    const response = await this.fetch(method, path, options);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** A GET whose body is kept as bytes (downloads). */
  async bytes(path: string): Promise<{ status: number; bytes: Uint8Array; headers: Headers }> {
    const response = await this.fetch('GET', path);
    return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
  }

  get(path: string): Promise<Reply> {
    return this.request('GET', path);
  }

  post(path: string, json?: unknown): Promise<Reply> {
    return this.request('POST', path, { json: json ?? {} });
  }

  put(path: string, json: unknown): Promise<Reply> {
    return this.request('PUT', path, { json });
  }

  /** Logs in; throws unless it succeeds. */
  async login(username: string, password: string): Promise<Reply> {
    const reply = await this.post('/api/login', { username, password });
    if (reply.status !== 200) throw new Error(`login of ${username} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    this.csrf = reply.body.csrfToken;
    return reply;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/** A server on a loopback port over a fresh test database, with a way to add users. */
export interface TestServer {
  db: Database;
  server: RunningServer;
  url: string;
  /** A new client (no session). */
  client(): Client;
  /** Adds a user with a known password and returns a client logged in as them. */
  as(username: string, role: UserRole, agencyId: number | null): Promise<Client>;
}

export const TEST_PASSWORD = 'correct horse battery';

/** Runs a test body against a server started on port 0 on 127.0.0.1, closing both however it ends. */
export async function withServer(body: (t: TestServer) => Promise<void>, options: Partial<AppOptions> = {}): Promise<void> {
  const db = await testDatabase();
  const server = await startServer({ db, host: '127.0.0.1', port: 0, log: () => undefined, ...options });
  try {
    await body({
      db,
      server,
      url: server.url,
      client: () => new Client(server.url),
      as: async (username, role, agencyId) => {
        await createUser(db, 'test', { username, role, agencyId, password: TEST_PASSWORD });
        const c = new Client(server.url);
        await c.login(username, TEST_PASSWORD);
        return c;
      },
    });
  } finally {
    await server.close();
    await db.close();
  }
}
