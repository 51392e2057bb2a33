import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRobots } from './robots.ts';

const AGENT = 'gongkai-collect/0.1';

test('robots: the * group applies; longest match wins, Allow on a tie', () => {
  const r = parseRobots(['User-agent: *', 'Disallow: /private/', 'Allow: /private/open', 'Disallow: /*.php$', 'Crawl-delay: 2'].join('\n'), AGENT);
  assert.equal(r.allowed('/index.html'), true);
  assert.equal(r.allowed('/private/x.html'), false);
  assert.equal(r.allowed('/private/open/report.pdf'), true);
  assert.equal(r.allowed('/a/b.php'), false);
  assert.equal(r.allowed('/a/b.php?x=1'), true);
  assert.equal(r.allowed('/robots.txt'), true);
  assert.equal(r.crawlDelay, 2);
});

test('robots: a group naming our agent replaces the * group; grouped agents share rules', () => {
  const text = [
    'User-agent: *',
    'Disallow: /',
    '',
    'User-agent: other',
    'User-agent: gongkai-collect',
    'Disallow: /tmp',
    '# comment',
    'Disallow:',
  ].join('\r\n');
  const r = parseRobots(text, AGENT);
  assert.equal(r.allowed('/xxgk/index.html'), true);
  assert.equal(r.allowed('/tmp/a'), false);
  assert.equal(parseRobots(text, 'someone-else').allowed('/xxgk/'), false);
});

test('robots: empty file and empty Disallow allow everything; percent-encoding compares decoded', () => {
  assert.equal(parseRobots('', AGENT).allowed('/x'), true);
  assert.equal(parseRobots('User-agent: *\nDisallow:\n', AGENT).allowed('/x'), true);
  const r = parseRobots('User-agent: *\nDisallow: /%E5%B9%B4%E6%8A%A5/\n', AGENT);
  assert.equal(r.allowed('/年报/1.pdf'), false);
  assert.equal(r.allowed('/%E5%B9%B4%E6%8A%A5/1.pdf'), false);
  assert.equal(r.allowed('/其他/1.pdf'), true);
});
