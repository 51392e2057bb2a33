import { load } from 'cheerio/slim';

/** A link found on a page, absolute, with its text. */
export interface Link {
  url: string;
  text: string;
}

/** What one HTML page says about the reports it holds or lists. */
export interface PageInfo {
  title: string;
  /** The page is itself a report (its title names one of a year, and it does not list several). */
  isReport: boolean;
  /** Links whose text names an annual report, with the year guessed from it. */
  reports: (Link & { year?: number })[];
  /** Links to report files (PDF, DOCX, DOC, OFD, WPS…). */
  attachments: Link[];
  /** Further pages of a listing (下一页, page_2.html, index_1.html, a TRS createPageHTML call). */
  pages: string[];
  /** The publication date the page states (YYYY-MM-DD). */
  statedDate?: string;
}

// 「政府信息公开工作年度报告」 and the variants seen in titles: 年报, without 工作, 政务公开.
const REPORT_TITLE = /(政府|政务)?信息公开(工作)?(年度)?(报告|年报)|政务公开(工作)?年度报告/;
const ATTACHMENT = /\.(pdf|docx?|ofd|wps|et|xlsx?)$/i;
const NEXT_TEXT = /^(下一页|下页|后一页|后页|next|›|»|>)$/i;

/** Whether a title names an annual disclosure report. */
export function isReportTitle(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return REPORT_TITLE.test(t) && /报/.test(t) && !/(通知|要点|指引|模板|格式|说明)$/.test(t);
}

/** The report year a title states (「2023年」「2023年度」「二〇二三年」 not handled: rare in titles). */
export function yearOfTitle(text: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(text.replace(/\s+/g, ''));
  return m ? Number(m[1]) : undefined;
}

/** The agency a report title names (「北京市财政局2023年…」 or 「2023年北京市财政局…」), and its level. */
export function agencyOfTitle(text: string): { agency?: string; level?: 'government' | 'department' } {
  const t = text.replace(/\s+/g, '').replace(/^关于/, '');
  const before = /^(.+?)(?:(?:19|20)\d{2}年度?)/.exec(t)?.[1];
  const after = /^(?:19|20)\d{2}年度?(.+?)(?:政府信息公开|政务公开|信息公开)/.exec(t)?.[1];
  const agency = (before && !/信息公开/.test(before) ? before : after)?.replace(/[「」《》“”]/g, '');
  if (!agency) return {};
  const government = /人民政府$/.test(agency) || (/政府$/.test(agency) && !/办公/.test(agency));
  return { agency, level: government ? 'government' : 'department' };
}

function statedDate(html: string, text: string): string | undefined {
  const meta =
    /<meta[^>]+name=["']?(?:PubDate|publishdate|pubdate|firstpublishedtime|ArticleDate)["']?[^>]+content=["']?(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/i.exec(
      html,
    );
  const body = /(?:发布|发表|公开|成文|印发)?(?:日期|时间)\s*[：:]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  const m = meta ?? body;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Pages of a TRS-style listing: `createPageHTML(total, current, "index", "html")` → index_1.html … */
function trsPages(html: string, base: URL): string[] {
  const m = /createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?(\d+)['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/.exec(html);
  if (!m) return [];
  const total = Math.min(Number(m[1]), 200);
  const out: string[] = [];
  for (let i = 1; i < total; i++) out.push(new URL(`${m[3]}_${i}.${m[4]}`, base).toString());
  return out;
}

/** Reads an HTML page (already decoded) at `url`: its title, report links, attachments and pagination. */
export function discover(html: string, url: string): PageInfo {
  const $ = load(html);
  const baseHref = $('base[href]').attr('href');
  const base = new URL(baseHref ?? url, url);
  const links: Link[] = [];
  $('a[href]').each((_, el) => {
    const href = ($(el).attr('href') ?? '').trim();
    if (!href || /^(javascript|mailto|tel):/i.test(href) || href.startsWith('#')) return;
    try {
      const abs = new URL(href, base);
      abs.hash = '';
      const text = ($(el).attr('title') || $(el).text()).replace(/\s+/g, ' ').trim();
      links.push({ url: abs.toString(), text });
    } catch {
      // an unparsable href
    }
  });
  const title = ($('h1').first().text() || $('title').text()).replace(/\s+/g, ' ').trim();
  const seen = new Set<string>();
  const unique = <T extends Link>(list: T[]) => list.filter((l) => !seen.has(l.url) && seen.add(l.url));
  const reports = unique(
    links
      .filter((l) => isReportTitle(l.text) && !ATTACHMENT.test(new URL(l.url).pathname))
      .map((l) => ({ ...l, ...(yearOfTitle(l.text) ? { year: yearOfTitle(l.text) as number } : {}) })),
  );
  const attachments = unique(links.filter((l) => ATTACHMENT.test(new URL(l.url).pathname) || ATTACHMENT.test(l.text)));
  const next = links.filter((l) => NEXT_TEXT.test(l.text) || /^(index|page)_\d+\.s?html?$/i.test(new URL(l.url).pathname.split('/').pop() ?? ''));
  const pages = [...new Set([...next.map((l) => l.url), ...trsPages(html, base)])].filter((p) => p !== url);
  const text = $('body').text();
  const date = statedDate(html, text);
  return {
    title,
    isReport: isReportTitle(title) && yearOfTitle(title) !== undefined && reports.length < 2,
    reports,
    attachments,
    pages,
    ...(date ? { statedDate: date } : {}),
  };
}
