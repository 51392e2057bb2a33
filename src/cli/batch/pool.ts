import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type JobResult, runJob } from './job.ts';

export interface PoolOptions {
  check: boolean;
  /** Worker threads; 0 reads in this thread. Defaults to every core for large batches. */
  workers?: number;
  /** Longest time one file may take before its worker is stopped and replaced. */
  timeoutMs?: number;
}

interface Slot {
  worker: Worker;
  busy?: { id: number; file: string; timer: NodeJS.Timeout; resolve: (r: JobResult) => void };
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/**
 * Reads files on worker threads, at most one file per worker at a time, and yields results in
 * input order. A file that crashes or hangs its worker becomes an error result; the worker is
 * replaced and the batch goes on.
 */
export async function* runPool(files: readonly string[], options: PoolOptions): AsyncGenerator<JobResult> {
  const count = options.workers ?? (files.length < 8 ? 0 : availableParallelism());
  if (count === 0) {
    for (const file of files) yield await runJob(file, options.check);
    return;
  }
  const timeoutMs = options.timeoutMs ?? 120_000;
  const results = new Map<number, JobResult>();
  let wake: (() => void) | undefined;
  let nextJob = 0;
  // Workers that keep failing (a broken install, a loader problem): read in this thread instead.
  let failuresInARow = 0;
  const slots: Slot[] = [];

  const finish = (slot: Slot, result: JobResult) => {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    busy.resolve(result);
  };
  const spawn = (slot: Slot) => {
    // The entry registers tsx itself; the parent's own flags (--eval, --input-type…) would break it.
    slot.worker = new Worker(ENTRY, { execArgv: [] });
    slot.worker.on('message', (m: { id: number; result: JobResult }) => {
      failuresInARow = 0;
      if (slot.busy?.id === m.id) finish(slot, m.result);
    });
    slot.worker.on('error', (error) => {
      failuresInARow++;
      const file = slot.busy?.file ?? '';
      finish(slot, { file, error: { reason: `处理时出错：${error.message}`, reasonEn: 'worker failed' } });
      spawn(slot);
      dispatch(slot);
    });
  };
  const dispatch = (slot: Slot) => {
    if (slot.busy || nextJob >= files.length) return;
    const id = nextJob++;
    const file = files[id] as string;
    const done = new Promise<JobResult>((resolve) => {
      const timer = setTimeout(() => {
        finish(slot, { file, error: { reason: `处理超时（超过 ${Math.round(timeoutMs / 1000)} 秒），已跳过`, reasonEn: 'timed out' } });
        void slot.worker.terminate();
        spawn(slot);
        dispatch(slot);
      }, timeoutMs);
      slot.busy = { id, file, timer, resolve };
    });
    if (failuresInARow >= 3) void runJob(file, options.check).then((result) => finish(slot, result));
    else slot.worker.postMessage({ id, file, check: options.check });
    void done.then((result) => {
      results.set(id, result);
      wake?.();
      dispatch(slot);
    });
  };

  for (let i = 0; i < Math.min(count, files.length); i++) {
    const slot = {} as Slot;
    spawn(slot);
    slots.push(slot);
    dispatch(slot);
  }
  try {
    for (let id = 0; id < files.length; id++) {
      while (!results.has(id)) await new Promise<void>((resolve) => (wake = resolve));
      const result = results.get(id) as JobResult;
      results.delete(id);
      yield result;
    }
  } finally {
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
