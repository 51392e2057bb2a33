/** One group of a robots.txt: its user agents and its rules. */
interface Group {
  agents: string[];
  rules: { allow: boolean; pattern: string }[];
  crawlDelay?: number;
}

/** A parsed robots.txt, answering for one user agent. */
export interface Robots {
  /** Whether `path` (path and query of a URL) may be fetched. */
  allowed(path: string): boolean;
  /** The Crawl-delay for our agent in seconds, if the file states one. */
  crawlDelay?: number;
}

/** Turns a rule pattern (`*` wildcards, `$` end anchor) into a regular expression. */
function patternRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Percent-decodes unreserved characters so `/a%62c` and `/abc` compare equal; leaves the rest. */
function normalisePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * Parses a robots.txt (RFC 9309) for `agent`: the most specific matching group (else `*`)
 * applies; among its rules the longest matching pattern wins, Allow on a tie; no rule = allowed.
 */
export function parseRobots(text: string, agent: string): Robots {
  const groups: Group[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const field = (m[1] as string).toLowerCase();
    const value = (m[2] as string).trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (field === 'allow' || field === 'disallow') {
      // An empty Disallow allows everything: no rule.
      if (value) current.rules.push({ allow: field === 'allow', pattern: normalisePath(value) });
    } else if (field === 'crawl-delay') {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) current.crawlDelay = n;
    }
  }
  const name = agent.toLowerCase();
  const specific = groups.filter((g) => g.agents.some((a) => a !== '*' && name.includes(a)));
  const chosen = specific.length ? specific : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules).map((r) => ({ ...r, regex: patternRegex(r.pattern) }));
  const delays = chosen.map((g) => g.crawlDelay).filter((d): d is number => d !== undefined);
  return {
    allowed(path: string): boolean {
      const target = normalisePath(path || '/');
      if (target === '/robots.txt') return true;
      let best: { allow: boolean; length: number } | undefined;
      for (const rule of rules) {
        if (!rule.regex.test(target)) continue;
        const length = rule.pattern.length;
        if (!best || length > best.length || (length === best.length && rule.allow)) best = { allow: rule.allow, length };
      }
      return best ? best.allow : true;
    },
    ...(delays.length ? { crawlDelay: Math.max(...delays) } : {}),
  };
}

/** Robots for a host whose robots.txt is missing (4xx): everything allowed. */
export const ALLOW_ALL: Robots = { allowed: () => true };

/** Robots for a host whose robots.txt failed (5xx, unreachable): nothing allowed (RFC 9309 §2.3.1.4). */
export const DISALLOW_ALL: Robots = { allowed: (path) => path === '/robots.txt' };
