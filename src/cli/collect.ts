import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { openDatabase } from '../db/index.ts';
import { collect as collectSites, Fetcher, sweep } from '../collect/index.ts';
import { enqueueAnalyze, openBoss, READER_VERSION } from '../queue/index.ts';

/** Reads a sites file: one URL a line; blank lines and `#` comments ignored; bad lines named. */
export function readSites(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('not_found', `无法读取网站列表文件：${file}`);
  }
  const sites: string[] = [];
  const bad: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw
      .replace(/^\uFEFF/, '')
      .replace(/\s#.*$|^#.*$/, '')
      .trim();
    if (!line) return;
    try {
      const url = new URL(line);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
      sites.push(url.toString());
    } catch {
      bad.push(`第 ${i + 1} 行：${line.slice(0, 80)}`);
    }
  });
  if (bad.length) throw new AppError('invalid', `网站列表中有 ${bad.length} 行不是 http(s) 网址：\n${bad.slice(0, 10).join('\n')}`, { lines: bad });
  if (!sites.length) throw new AppError('invalid', `网站列表为空：${file}`);
  return sites;
}

/**
 * `gongkai collect --sites sites.txt [--year Y] [--queue]`: crawls the report columns, stores
 * every document, flags late and edited reports, prints a summary in Chinese. With `--queue`
 * (PostgreSQL), the reports found are queued for the workers to read and check.
 */
export async function collect(
  _args: unknown[],
  o: { sites: string; year?: number; queue?: boolean; maxPages?: number; interval?: number },
): Promise<number> {
  const sites = readSites(o.sites);
  const config = loadConfig();
  const boss = o.queue ? await openBoss(config.databaseUrl) : undefined;
  const db = await openDatabase();
  const fetcher = new Fetcher({ ...(o.interval !== undefined ? { perHostIntervalMs: o.interval } : {}) });
  let queued = 0;
  const tty = process.stderr.isTTY;
  try {
    const summary = await collectSites(db, fetcher, sites, {
      ...(o.year ? { year: o.year } : {}),
      ...(o.maxPages ? { maxPages: o.maxPages } : {}),
      onProgress: (done, total, url) => {
        const line = `采集中：${done}/${total}  ${url}`;
        if (tty) process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns ?? 100) - 1)}`);
        else if (done % 20 === 0 || done === total) process.stderr.write(`${line}\n`);
      },
      onStored: async (record, stored) => {
        if (boss && stored.sha256 && record.kind !== 'listing') {
          if (await enqueueAnalyze(boss, { sha256: stored.sha256, url: record.url, readerVersion: READER_VERSION })) queued++;
        }
      },
    });
    if (tty) process.stderr.write('\r\x1b[K');
    const flags = await sweep(db);
    const lines = [
      `采集完成：网站 ${summary.sites} 个，栏目页 ${summary.listings} 页，报告页面 ${summary.pages} 个，附件 ${summary.attachments} 个`,
      `新发现文件 ${summary.newDocuments} 个；内容有变化 ${summary.changedDocuments} 个；新标记：发布后修改 ${flags.changed} 个，逾期发布 ${flags.late} 个`,
    ];
    if (boss) lines.push(`已加入处理队列 ${queued} 个（由 gongkai worker 读取与核对）`);
    if (summary.failures.length) {
      lines.push(`未能采集 ${summary.failures.length} 个地址：`);
      for (const f of summary.failures.slice(0, 20)) lines.push(`  ${f.url}  ${f.reason}`);
      if (summary.failures.length > 20) lines.push(`  ……另有 ${summary.failures.length - 20} 个`);
    }
    console.log(lines.join('\n'));
    return summary.failures.length && summary.pages + summary.attachments === 0 ? 1 : 0;
  } finally {
    await fetcher.close();
    await db.close();
    await boss?.stop({ graceful: false });
  }
}
