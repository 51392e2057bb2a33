import PQueue from 'p-queue';
import { Agent, request } from 'undici';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type Robots } from './robots.ts';

/** How politely and how far the fetcher goes. */
export interface FetcherOptions {
  userAgent?: string;
  /** Whole request (headers and body) in milliseconds. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Attempts after the first on a 5xx, a 429, a timeout or a network error. */
  retries?: number;
  /** First retry delay; doubled on each further attempt. */
  backoffMs?: number;
  /** Least time between two requests to one host (robots.txt Crawl-delay may raise it). */
  perHostIntervalMs?: number;
  /** Hosts fetched at once. */
  concurrency?: number;
}

/** One response, after redirects. */
export interface Fetched {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  redirects: string[];
  fetchedAt: Date;
}

/** Why a URL was not fetched, in Chinese for the summary; `status` when the server answered. */
export class FetchFailure extends Error {
  readonly url: string;
  readonly status?: number;
  readonly retriable: boolean;
  constructor(url: string, message: string, options: { status?: number; retriable?: boolean } = {}) {
    super(message);
    this.name = 'FetchFailure';
    this.url = url;
    if (options.status !== undefined) this.status = options.status;
    this.retriable = options.retriable ?? false;
  }
}

export const DEFAULT_USER_AGENT = 'gongkai-collect/0.1 (annual disclosure report collector)';

interface Host {
  queue: PQueue;
  robots?: Promise<Robots>;
  delayMs: number;
  last: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A polite HTTP client for the crawler: robots.txt per host, one request at a time per host
 * spaced by an interval, bounded redirects (each hop checked against robots), a size cap,
 * and retries with exponential backoff on 5xx, 429, timeouts and network errors.
 */
export class Fetcher {
  readonly options: Required<FetcherOptions>;
  private readonly agent: Agent;
  private readonly hosts = new Map<string, Host>();
  private readonly global: PQueue;
  /** Requests actually sent (retries and robots.txt included). */
  requests = 0;

  constructor(options: FetcherOptions = {}) {
    this.options = {
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      timeoutMs: options.timeoutMs ?? 20_000,
      maxBytes: options.maxBytes ?? 50 * 1024 * 1024,
      maxRedirects: options.maxRedirects ?? 5,
      retries: options.retries ?? 3,
      backoffMs: options.backoffMs ?? 1000,
      perHostIntervalMs: options.perHostIntervalMs ?? 1000,
      concurrency: options.concurrency ?? 8,
    };
    this.agent = new Agent({ headersTimeout: this.options.timeoutMs, bodyTimeout: this.options.timeoutMs, connections: 2 });
    this.global = new PQueue({ concurrency: this.options.concurrency });
  }

  private host(origin: string): Host {
    let host = this.hosts.get(origin);
    if (!host) {
      host = { queue: new PQueue({ concurrency: 1 }), delayMs: this.options.perHostIntervalMs, last: 0 };
      this.hosts.set(origin, host);
    }
    return host;
  }

  /** One request, serialised and spaced per host. */
  private async once(url: URL): Promise<Omit<Fetched, 'redirects'>> {
    const host = this.host(url.origin);
    return (await host.queue.add(() =>
      this.global.add(async () => {
        const wait = host.last + host.delayMs - Date.now();
        if (wait > 0) await sleep(wait);
        try {
          return await this.send(url);
        } finally {
          host.last = Date.now();
        }
      }),
    )) as Omit<Fetched, 'redirects'>;
  }

  private async send(url: URL): Promise<Omit<Fetched, 'redirects'>> {
    this.requests++;
    const href = url.toString();
    let response;
    try {
      response = await request(href, {
        dispatcher: this.agent,
        method: 'GET',
        headers: { 'user-agent': this.options.userAgent, accept: '*/*' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timeout = /timeout|abort/i.test(String((error as Error)?.name) + String((error as Error)?.message));
      throw new FetchFailure(href, timeout ? `超时（${this.options.timeoutMs} 毫秒内未响应）` : `无法连接：${(error as Error).message}`, {
        retriable: true,
      });
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(response.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > this.options.maxBytes) {
      response.body.destroy();
      throw new FetchFailure(href, `文件过大（${declared} 字节，上限 ${this.options.maxBytes} 字节）`, { status: response.statusCode });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > this.options.maxBytes) {
          response.body.destroy();
          throw new FetchFailure(href, `文件过大（超过上限 ${this.options.maxBytes} 字节）`, { status: response.statusCode });
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      if (error instanceof FetchFailure) throw error;
      throw new FetchFailure(href, `读取响应时中断或超时：${(error as Error).message}`, { retriable: true });
    }
    return { url: href, status: response.statusCode, headers, body: new Uint8Array(Buffer.concat(chunks)), fetchedAt: new Date() };
  }

  /** The robots.txt rules of a host (fetched once; 4xx = all allowed, 5xx/unreachable = none). */
  robots(origin: string): Promise<Robots> {
    const host = this.host(origin);
    host.robots ??= (async () => {
      try {
        const r = await this.withRetries(new URL('/robots.txt', origin));
        if (r.status >= 200 && r.status < 300) {
          const robots = parseRobots(new TextDecoder().decode(r.body), this.options.userAgent.split('/')[0] as string);
          if (robots.crawlDelay !== undefined) host.delayMs = Math.max(host.delayMs, Math.min(robots.crawlDelay, 60) * 1000);
          return robots;
        }
        return r.status >= 400 && r.status < 500 ? ALLOW_ALL : DISALLOW_ALL;
      } catch {
        return DISALLOW_ALL;
      }
    })();
    return host.robots;
  }

  private async withRetries(url: URL): Promise<Omit<Fetched, 'redirects'>> {
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await this.once(url);
        if (r.status < 500 && r.status !== 429) return r;
        if (attempt >= this.options.retries) return r;
        const after = Number(r.headers['retry-after']);
        if (Number.isFinite(after) && after > 0) {
          await sleep(Math.min(after * 1000, 60_000));
          continue;
        }
      } catch (error) {
        if (!(error instanceof FetchFailure) || !error.retriable || attempt >= this.options.retries) throw error;
      }
      await sleep(this.options.backoffMs * 2 ** attempt);
    }
  }

  /**
   * Fetches `href` politely. Throws a FetchFailure when robots.txt forbids it, on too many
   * redirects, a body over the cap, or once retries are spent; a final 4xx/5xx is returned.
   */
  async fetch(href: string): Promise<Fetched> {
    let url = new URL(href);
    const redirects: string[] = [];
    for (;;) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchFailure(url.toString(), `不支持的地址类型 ${url.protocol}`);
      const robots = await this.robots(url.origin);
      if (!robots.allowed(url.pathname + url.search)) throw new FetchFailure(url.toString(), '网站的 robots.txt 禁止采集此地址');
      const r = await this.withRetries(url);
      const location = r.headers.location;
      if (r.status >= 300 && r.status < 400 && location) {
        if (redirects.length >= this.options.maxRedirects) {
          throw new FetchFailure(href, `重定向次数过多（超过 ${this.options.maxRedirects} 次）`, { status: r.status });
        }
        redirects.push(url.toString());
        url = new URL(location, url);
        continue;
      }
      return { ...r, redirects };
    }
  }

  /** Releases connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }
}
