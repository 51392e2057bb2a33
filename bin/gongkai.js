#!/usr/bin/env node
// Runs the compiled JavaScript in dist/ (built by `npm run build`, which `npm ci` runs through
// `prepare`) when it is at least as new as every source file; otherwise the TypeScript sources
// through tsx, so a checkout being edited never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = `${root}dist/.built`;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures') newest = Math.max(newest, newestSource(path));
    } else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function fresh() {
  if (process.env.GONGKAI_FROM_SOURCE === '1' || !existsSync(stamp)) return false;
  // A published package has no sources beside its build.
  return !existsSync(`${root}src`) || statSync(stamp).mtimeMs >= newestSource(`${root}src`);
}

if (fresh()) {
  const { main } = await import('../dist/cli/main.js');
  await main();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  await main();
}
