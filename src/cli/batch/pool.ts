import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type JobResult, runJob } from './job.ts';

export interface PoolOptions {
  check: boolean;
  /**
   * Worker threads; 0 reads in this thread, without the time and memory limits (debugging).
   * Defaults to one per file up to every core: even a single file is read on a worker, so
   * that it gets the time limit and the heap limit.
   */
  workers?: number;
  /** Longest time one file may take before its worker is stopped and replaced. */
  timeoutMs?: number;
  /** Files a worker reads before a fresh one replaces it (heaps and caches only grow). */
  recycleAfter?: number;
  /** A worker whose heap is larger than this after a file (MB) is replaced. */
  recycleHeapMb?: number;
  /** A worker's heap limit (MB): a file that needs more fails alone; the batch goes on. */
  maxHeapMb?: number;
  /** The worker script (tests give one that misbehaves on cue). */
  entry?: URL;
}

/** What a worker sends: `ready` once loaded, then a reply for each file. */
export type WorkerMessage = { ready: true } | WorkerReply;

/** A worker's answer for one file. */
export interface WorkerReply {
  id: number;
  result: JobResult;
  /** The worker's heap after the file, in MB. */
  heapMb: number;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its code. */
  ready: boolean;
  /** Files this worker has answered. */
  answered: number;
  /** The worker is being replaced: files wait for the new one. */
  restarting?: boolean;
  busy?: { id: number; file: string; timer: NodeJS.Timeout; resolve: (r: JobResult) => void };
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
// Measured with the pdf.js reader (bench/pdf.ts): after a GC a worker's heap stays at ~110 MB
// however many PDFs it reads, and a fresh worker costs seconds of start-up and does not give
// the old one's memory back to the system sooner; so replace workers rarely, and on growth.
const DEFAULTS = { timeoutMs: 120_000, recycleAfter: 500, recycleHeapMb: 512, maxHeapMb: 1024 };

/**
 * Reads files on worker threads (even one file: a worker is what gives it the time and heap
 * limits), at most one file per worker at a time, and yields results in
 * input order. A file that crashes, exhausts the memory of or hangs its worker becomes an error
 * result; the worker is replaced and the batch goes on. Workers are also replaced after a number
 * of files or when their heap has grown, so a long batch's memory stays flat.
 */
export async function* runPool(files: readonly string[], options: PoolOptions): AsyncGenerator<JobResult> {
  const count = options.workers ?? Math.min(files.length, availableParallelism());
  if (count === 0) {
    for (const file of files) yield await runJob(file, options.check);
    return;
  }
  const settings = { ...DEFAULTS, ...definedOf(options) };
  const results = new Map<number, JobResult>();
  let wake: (() => void) | undefined;
  let nextJob = 0;
  // Workers that fail before they have loaded (a broken install, a loader problem): read in this
  // thread instead. A worker that fails once loaded was killed by its file.
  let startFailures = 0;
  let closing = false;
  const slots: Slot[] = [];

  const finish = (slot: Slot, result: JobResult) => {
    const busy = slot.busy;
    if (!busy) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    busy.resolve(result);
  };
  const fail = (slot: Slot, reason: string, reasonEn: string) => finish(slot, { file: slot.busy?.file ?? '', error: { reason, reasonEn } });
  // The old worker is gone before the new one starts, so two never hold memory at once.
  const replace = (slot: Slot) => {
    slot.restarting = true;
    const old = slot.worker;
    void old.terminate().then(() => {
      slot.restarting = false;
      if (closing) return;
      spawn(slot);
      dispatch(slot);
    });
  };
  const spawn = (slot: Slot) => {
    // The entry registers tsx itself; the parent's own flags (--eval, --input-type…) would break it.
    const worker = new Worker(settings.entry ?? ENTRY, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: settings.maxHeapMb } });
    slot.worker = worker;
    slot.ready = false;
    slot.answered = 0;
    const current = () => slot.worker === worker && !slot.restarting && !closing;
    worker.on('message', (m: WorkerMessage) => {
      if ('ready' in m) slot.ready = true;
      if ('ready' in m || !current() || slot.busy?.id !== m.id) return;
      slot.answered++;
      finish(slot, m.result);
      if (slot.answered >= settings.recycleAfter || m.heapMb > settings.recycleHeapMb) replace(slot);
    });
    const died = (reason: string, reasonEn: string) => {
      if (!current()) return;
      if (!slot.ready) startFailures++;
      fail(slot, reason, reasonEn);
      spawn(slot);
      dispatch(slot);
    };
    worker.on('error', (error) => {
      const oom = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (oom) died(`处理时内存不足（超过 ${settings.maxHeapMb} MB），已跳过`, 'out of memory');
      else died(`处理时出错：${error.message}`, 'worker failed');
    });
    worker.on('exit', (code) => died(`处理进程意外退出（退出码 ${code}）`, 'worker exited'));
  };
  const dispatch = (slot: Slot) => {
    if (slot.busy || slot.restarting || nextJob >= files.length) return;
    const id = nextJob++;
    const file = files[id] as string;
    const done = new Promise<JobResult>((resolve) => {
      const timer = setTimeout(() => {
        fail(slot, `处理超时（超过 ${Math.round(settings.timeoutMs / 1000)} 秒），已跳过`, 'timed out');
        replace(slot);
      }, settings.timeoutMs);
      slot.busy = { id, file, timer, resolve };
    });
    if (startFailures >= 3) void runJob(file, options.check).then((result) => finish(slot, result));
    else slot.worker.postMessage({ id, file, check: options.check });
    void done.then((result) => {
      results.set(id, result);
      wake?.();
      dispatch(slot);
    });
  };

  for (let i = 0; i < Math.min(count, files.length); i++) {
    const slot = { ready: false, answered: 0 } as Slot;
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
    closing = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

function definedOf(options: PoolOptions): Partial<PoolOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}
