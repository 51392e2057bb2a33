import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lockFolder } from './folder-lock.ts';

const MODULE = fileURLToPath(new URL('./folder-lock.ts', import.meta.url));

/** A process that waits for `start`, takes the folder, says whether it got it, and holds it a while. */
function racer(dir: string, start: number): Promise<string> {
  const code = `
    const { lockFolder } = await import(${JSON.stringify(MODULE)});
    while (Date.now() < ${start}) {}
    let got = 'busy';
    try { lockFolder(${JSON.stringify(dir)}); got = 'got'; } catch (e) { if (e.code !== 'unavailable') throw e; }
    process.stdout.write(got);
    setTimeout(() => {}, 800);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(out));
  });
}

test('folder lock: of processes racing onto one data folder, exactly one gets it', async () => {
  for (let round = 0; round < 3; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-lock-'));
    try {
      // A dead holder's lock: every racer tries to take it over at once.
      if (round > 0) writeFileSync(join(dir, 'gongkai.lock'), round === 1 ? '999999999' : '');
      const start = Date.now() + 2500;
      const results = await Promise.all(Array.from({ length: 4 }, () => racer(dir, start)));
      assert.deepEqual(results.filter((r) => r === 'got').length, 1, `round ${round}: ${results.join(',')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('folder lock: a live holder keeps others out; releasing frees the folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-lock-'));
  try {
    writeFileSync(join(dir, 'gongkai.lock'), String(process.ppid));
    assert.throws(() => lockFolder(dir), /正被另一个进程/);
    rmSync(join(dir, 'gongkai.lock'));
    const release = lockFolder(dir);
    assert.equal(readFileSync(join(dir, 'gongkai.lock'), 'utf8'), String(process.pid));
    release();
    lockFolder(dir)();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
