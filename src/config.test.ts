import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig, redactUrl } from './config.ts';
import { AppError } from './errors.ts';

test('config: the data folder is GONGKAI_DATA, else $XDG_DATA_HOME/gongkai, else ~/.local/share/gongkai', () => {
  assert.equal(loadConfig({ HOME: '/home/li' }).dataDir, '/home/li/.local/share/gongkai');
  assert.equal(loadConfig({ HOME: '/home/li', XDG_DATA_HOME: '/data/xdg' }).dataDir, '/data/xdg/gongkai');
  assert.equal(loadConfig({ HOME: '/home/li', XDG_DATA_HOME: 'relative' }).dataDirSource, 'HOME');
  const c = loadConfig({ HOME: '/home/li', XDG_DATA_HOME: '/data/xdg', GONGKAI_DATA: '/srv/gk' });
  assert.deepEqual([c.dataDir, c.dataDirSource], ['/srv/gk', 'GONGKAI_DATA']);
});

test('config: an empty DATABASE_URL is unset; a malformed one is refused naming the variable', () => {
  assert.equal(loadConfig({ HOME: '/h', DATABASE_URL: '' }).databaseUrl, undefined);
  assert.equal(loadConfig({ HOME: '/h', DATABASE_URL: 'postgres://u:p@db/gk' }).databaseUrl, 'postgres://u:p@db/gk');
  assert.throws(
    () => loadConfig({ HOME: '/h', DATABASE_URL: 'mysql://x' }),
    (e: unknown) => e instanceof AppError && e.code === 'invalid' && /DATABASE_URL/.test(e.message),
  );
  assert.equal(redactUrl('postgres://u:secret@db/gk'), 'postgres://u:***@db/gk');
});
