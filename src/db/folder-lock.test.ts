import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lockFolder } from './folder-lock.ts';

const MODULE = fileURLToPath(new URL('./folder-lock.ts', import.meta.url));

/**
 * A process that waits for `start`, takes the folder, says whether it got it, and holds it until
 * killed: the holder stays alive until every racer has answered, however slowly a loaded
 * machine starts them (a holder that exited would rightly be taken over).
 */
function racer(dir: string, start: number): { result: Promise<string>; kill: () => void } {
  const code = `
    const { lockFolder } = await import(${JSON.stringify(MODULE)});
    while (Date.now() < ${start}) {}
    let got = 'busy';
    try { lockFolder(${JSON.stringify(dir)}); got = 'got'; } catch (e) { if (e.code !== 'unavailable') throw e; }
    process.stdout.write(got);
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const result = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out === 'got' || out === 'busy') resolve(out);
    });
    child.on('error', reject);
    child.on('exit', () => resolve(out));
  });
  return { result, kill: () => child.kill('SIGKILL') };
}

test('folder lock: of processes racing onto one data folder, exactly one gets it', async () => {
  for (let round = 0; round < 3; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-lock-'));
    try {
      // A dead holder's lock: every racer tries to take it over at once.
      if (round > 0) writeFileSync(join(dir, 'gongkai.lock'), round === 1 ? '999999999' : '');
      const start = Date.now() + 2500;
      const racers = Array.from({ length: 4 }, () => racer(dir, start));
      const results = await Promise.all(racers.map((r) => r.result)).finally(() => racers.forEach((r) => r.kill()));
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
