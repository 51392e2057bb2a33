import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES, SERIES_RULES } from '../check/index.ts';
import { ruleTitle } from './issues.ts';

/** The ids of the findings the readers make themselves, wherever in src/ingest they are made. */
function readerRuleIds(dir: string, ids = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) readerRuleIds(path, ids);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      for (const m of readFileSync(path, 'utf8').matchAll(/rule: '([a-z0-9-]+)'/g)) ids.add(m[1] as string);
  }
  return ids;
}

test('every rule and reader observation a finding can carry has a Chinese title for the 通报', () => {
  for (const r of [...RULES, ...SERIES_RULES]) assert.equal(ruleTitle(r.id), r.title);
  const ids = readerRuleIds(join(import.meta.dirname, '..', 'ingest'));
  assert.ok(ids.size >= 5, [...ids].join(' '));
  for (const id of ids) assert.match(ruleTitle(id), /\p{Script=Han}/u, id);
  assert.equal(ruleTitle('no-such-rule'), 'no-such-rule');
});
