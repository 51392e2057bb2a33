// Decoding alone: the ingest index loads every reader.
import type { Database } from '../db/index.ts';
import { decodeHtml } from '../ingest/html/decode-html.ts';
import { agencyOfTitle, discover, type PageInfo, yearOfTitle } from './discover.ts';
import { type Fetched, type Fetcher, FetchFailure } from './fetcher.ts';
import { type FetchRecord, type Stored, storeFetch } from './store.ts';

/** What to collect. */
export interface CollectOptions {
  /** Only reports of this year (reports whose year is unknown are kept). */
  year?: number;
  /** Listing pages followed per site, the first included. */
  maxPages?: number;
  /** Called after every stored fetch (the queue enqueues reports to read from here). */
  onStored?: (record: FetchRecord, stored: Stored) => Promise<void> | void;
  /** Called as work is found and done. */
  onProgress?: (done: number, total: number, url: string) => void;
}

/** What one collection run did. */
export interface CollectSummary {
  sites: number;
  listings: number;
  pages: number;
  attachments: number;
  newDocuments: number;
  changedDocuments: number;
  failures: { url: string; reason: string }[];
}

function isHtml(f: Fetched): boolean {
  const type = f.headers['content-type'] ?? '';
  if (/html|xml/i.test(type)) return true;
  if (type && !/text\/plain/i.test(type)) return false;
  return /<html|<!doctype html|<body|<a\s/i.test(new TextDecoder('latin1').decode(f.body.subarray(0, 2048)));
}

/**
 * Collects the annual reports reachable from `sites` (report columns or single report pages):
 * listing pages and their pagination, report pages, their attachments; every fetch stored.
 */
export async function collect(db: Database, fetcher: Fetcher, sites: readonly string[], options: CollectOptions = {}): Promise<CollectSummary> {
  const summary: CollectSummary = { sites: sites.length, listings: 0, pages: 0, attachments: 0, newDocuments: 0, changedDocuments: 0, failures: [] };
  const visited = new Set<string>();
  let total = 0;
  let done = 0;
  const maxPages = options.maxPages ?? 20;

  async function record(r: FetchRecord): Promise<void> {
    const stored = await storeFetch(db, r);
    if (r.body) {
      if (stored.newUrl) summary.newDocuments++;
      if (stored.changed) summary.changedDocuments++;
    }
    await options.onStored?.(r, stored);
  }

  /** Fetches a URL once per run; a failure is stored and summarised, never thrown. */
  async function get(url: string, kind: FetchRecord['kind'], meta: Partial<FetchRecord>): Promise<Fetched | undefined> {
    if (visited.has(url)) return undefined;
    visited.add(url);
    total++;
    try {
      const f = await fetcher.fetch(url);
      if (f.status >= 400) {
        summary.failures.push({ url, reason: `服务器返回 ${f.status}` });
        await record({ ...meta, url, kind, status: f.status, headers: f.headers, error: `HTTP ${f.status}`, fetchedAt: f.fetchedAt });
        return undefined;
      }
      return f;
    } catch (error) {
      const reason = error instanceof FetchFailure ? error.message : `内部错误：${(error as Error).message}`;
      summary.failures.push({ url, reason });
      await record({
        ...meta,
        url,
        kind,
        ...(error instanceof FetchFailure && error.status ? { status: error.status } : {}),
        error: reason,
        fetchedAt: new Date(),
      });
      return undefined;
    } finally {
      done++;
      options.onProgress?.(done, total, url);
    }
  }

  async function attachment(url: string, page: FetchRecord): Promise<void> {
    const f = await get(url, 'attachment', {});
    if (!f) return;
    summary.attachments++;
    const { agency, level, year, statedDate } = page;
    await record({
      url,
      kind: 'attachment',
      parentUrl: page.url,
      ...(agency ? { agency } : {}),
      ...(level ? { level } : {}),
      ...(year ? { year } : {}),
      ...(statedDate ? { statedDate } : {}),
      status: f.status,
      headers: f.headers,
      body: f.body,
      fetchedAt: f.fetchedAt,
    });
  }

  async function reportPage(url: string, parentUrl: string | undefined, fetched?: Fetched, info?: PageInfo): Promise<void> {
    const f = fetched ?? (await get(url, 'page', parentUrl ? { parentUrl } : {}));
    if (!f) return;
    if (!isHtml(f)) {
      // A report link straight to a file.
      summary.attachments++;
      await record({
        url,
        kind: 'attachment',
        ...(parentUrl ? { parentUrl } : {}),
        status: f.status,
        headers: f.headers,
        body: f.body,
        fetchedAt: f.fetchedAt,
      });
      return;
    }
    summary.pages++;
    const page = info ?? discover(decodeHtml(url, f.body), f.url);
    const { agency, level } = agencyOfTitle(page.title);
    const year = yearOfTitle(page.title);
    const r: FetchRecord = {
      url,
      kind: 'page',
      ...(parentUrl ? { parentUrl } : {}),
      title: page.title,
      ...(agency ? { agency } : {}),
      ...(level ? { level } : {}),
      ...(year ? { year } : {}),
      ...(page.statedDate ? { statedDate: page.statedDate } : {}),
      status: f.status,
      headers: f.headers,
      body: f.body,
      fetchedAt: f.fetchedAt,
    };
    await record(r);
    await Promise.all(page.attachments.map((a) => attachment(a.url, r)));
  }

  async function site(start: string): Promise<void> {
    const queue = [start];
    let pages = 0;
    const reports: Promise<void>[] = [];
    while (queue.length && pages < maxPages) {
      const url = queue.shift() as string;
      const f = await get(url, 'listing', {});
      if (!f) continue;
      pages++;
      if (!isHtml(f)) {
        reports.push(reportPage(url, undefined, f));
        continue;
      }
      const info = discover(decodeHtml(url, f.body), f.url);
      // Pages reached by pagination are listings whatever their title says.
      if (info.isReport && url === start) {
        reports.push(reportPage(url, undefined, f, info));
        continue;
      }
      summary.listings++;
      await record({ url, kind: 'listing', title: info.title, status: f.status, headers: f.headers, body: f.body, fetchedAt: f.fetchedAt });
      for (const link of info.reports) {
        if (options.year !== undefined && link.year !== undefined && link.year !== options.year) continue;
        reports.push(reportPage(link.url, url));
      }
      for (const next of info.pages) if (!visited.has(next) && !queue.includes(next)) queue.push(next);
    }
    await Promise.all(reports);
  }

  await Promise.all(sites.map((s) => site(s)));
  return summary;
}
