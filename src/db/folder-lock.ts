import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from './types.ts';

const LOCK = 'gongkai.lock';
const TAKEOVER = 'gongkai.lock.takeover';
/** A lock file still empty after this long was left by a process that died while creating it. */
const EMPTY_GRACE_MS = 2000;
/** A takeover left behind by a process that died during it. */
const TAKEOVER_STALE_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates `file` holding our PID only if it does not exist (O_CREAT|O_EXCL); false when it does. */
function create(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock's holder: a PID, 'empty' (being written, or left empty by a crash), or undefined when the file is gone. */
function holderOf(file: string): number | 'empty' | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 'empty';
  } catch {
    return undefined;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes a dead holder's lock, under a second exclusive file so that two processes taking
 * over never remove each other's fresh lock: whoever creates the takeover file checks again
 * that the holder is still the dead one, removes the lock, and gives the takeover back.
 */
function takeOver(dir: string, file: string, dead: number | 'empty'): void {
  const takeover = join(dir, TAKEOVER);
  if (!create(takeover)) {
    if (ageMs(takeover) > TAKEOVER_STALE_MS) rmSync(takeover, { force: true });
    return;
  }
  try {
    // An empty lock is also what a live process shows between creating its lock and writing
    // its PID: only an empty lock old enough is the dead one seen before.
    const holder = holderOf(file);
    if (holder === dead && (dead !== 'empty' || ageMs(file) >= EMPTY_GRACE_MS)) rmSync(file, { force: true });
  } finally {
    rmSync(takeover, { force: true });
  }
}

/**
 * Takes the data folder for this process (PGlite has no lock of its own: two processes on one
 * folder would corrupt it). The lock file is created exclusively, so of processes racing for
 * the folder exactly one wins; a lock left by a process that died is taken over.
 */
export function lockFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK);
  for (let attempt = 0; ; attempt++) {
    if (create(file)) break;
    const holder = holderOf(file);
    if (holder === process.pid) break;
    if (typeof holder === 'number' && alive(holder)) {
      throw new AppError('unavailable', `数据目录 ${dir} 正被另一个进程（PID ${holder}）使用；请先关闭它，或使用另一个数据目录`);
    }
    if (attempt > 50) throw new AppError('unavailable', `数据目录 ${dir} 的锁文件 ${LOCK} 无法获取；请确认没有其他进程在使用后删除它`);
    if (holder === 'empty' && ageMs(file) < EMPTY_GRACE_MS) {
      sleep(20);
      continue;
    }
    if (holder !== undefined) takeOver(dir, file, holder);
    sleep(5 + Math.floor(Math.random() * 20));
  }
  return () => {
    if (holderOf(file) === process.pid) rmSync(file, { force: true });
  };
}
