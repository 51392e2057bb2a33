import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';

// Text that only a report body holds: section headings and table labels of the standard.
const MARKERS =
  /[一二三四五六]\s*[、.．]\s*(?:总体情况|主动公开政府信息|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)|本年新收政府信息公开申请|第二十条第|结转下年度继续办理|本年制发件数/;
const TITLE = /信息公开.{0,12}(?:报告|年报)/;

function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (node.type === 'script' || node.type === 'style') return '';
  return 'children' in node ? (node as Element).children.map(textOf).join('') : '';
}

function ancestors(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (let n: AnyNode | null = node; n; n = n.parent) out.unshift(n);
  return out;
}

/**
 * The element holding the report body: the deepest common ancestor of the first text nodes
 * with what only a report has (section headings, table labels). The whole page when none is
 * found.
 */
export function findContent(root: Element): Element {
  const hits: AnyNode[] = [];
  // The first place each marker appears: a 「相关阅读」 block repeating a heading below the
  // article must not widen the body to the whole column.
  const seen = new Set<string>();
  const visit = (node: AnyNode) => {
    if (node.type === 'text') {
      const m = MARKERS.exec((node as unknown as { data: string }).data.replace(/\s+/g, ''));
      if (m && !seen.has(m[0])) {
        seen.add(m[0]);
        hits.push(node);
      }
      return;
    }
    // Scripts and styles are their own node types in domhandler, not tags.
    if (node.type === 'script' || node.type === 'style' || (node.type === 'tag' && ['nav', 'footer'].includes((node as Element).name))) return;
    if ('children' in node) for (const c of (node as Element).children) visit(c);
  };
  visit(root);
  if (hits.length === 0) return root;
  // Headings of one report can be split over neighbouring nodes: the common ancestor of all.
  let common = ancestors(hits[0] as AnyNode);
  for (const hit of hits.slice(1)) {
    const chain = ancestors(hit);
    let i = 0;
    while (i < common.length && i < chain.length && common[i] === chain[i]) i++;
    common = common.slice(0, i);
  }
  let node = common[common.length - 1] as AnyNode;
  while (node.type === 'text' || (node.type === 'tag' && ['p', 'span', 'td', 'tr', 'font', 'b', 'strong'].includes((node as Element).name))) {
    if (!node.parent) break;
    node = node.parent;
  }
  return node as Element;
}

/**
 * The report's title when it stands outside the body (a page heading above the article, or the
 * document title: `fromHead`), so that the locator can read agency and year from it.
 */
export function findTitle($: CheerioAPI, content: Element): { text: string; fromHead: boolean } | undefined {
  const inside = textOf(content).replace(/\s+/g, '');
  for (const el of $('h1, h2, h3, [class*="title"], [id*="title"]').toArray()) {
    const text = textOf(el).replace(/\s+/g, ' ').trim();
    if (text.length > 0 && text.length <= 80 && TITLE.test(text) && !inside.startsWith(text.replace(/\s+/g, ''))) return { text, fromHead: false };
  }
  const title = $('title').first().text().trim();
  const head = title.split(/\s*[_|｜—–-]\s*/)[0] ?? '';
  return TITLE.test(head) ? { text: head, fromHead: true } : undefined;
}
