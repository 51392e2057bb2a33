import { Worker } from 'node:worker_threads';
import { ReadError } from '../ingest/document.ts';
import { type Analysis, analyze } from './analyze.ts';

/** Reads bytes into an analysis, as `analyze` does: a ReadError when they are not a readable report. */
export type Analyzer = (bytes: Uint8Array, name: string, options?: { check?: boolean }) => Promise<Analysis>;

export interface ReadWorkersOptions {
  /** Worker threads at most (each reads one file at a time); more files wait their turn. */
  workers?: number;
  /** Longest time one file may take: its worker is then stopped and the file is unreadable. */
  timeoutMs?: number;
  /** A worker's heap limit (MB): a file that needs more fails alone. */
  maxHeapMb?: number;
  /** A worker whose heap is larger than this after a file (MB) is replaced. */
  recycleHeapMb?: number;
  /** A worker idle this long is stopped (its memory given back); the next file starts a new one. */
  idleMs?: number;
  /** The worker script (tests give one that misbehaves on cue). */
  entry?: URL;
}

/** What the server asks a worker: read these bytes. */
export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  name: string;
  check: boolean;
}

/** A worker's answer: `ready` once loaded, then one reply per request. */
export type ReadReply =
  | { ready: true }
  | {
      id: number;
      heapMb: number;
      outcome: { analysis: Analysis } | { unreadable: { reason: string; reasonEn: string } } | { defect: { message: string; stack?: string } };
    };

interface Job {
  request: ReadRequest;
  resolve: (analysis: Analysis) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job & { timer: NodeJS.Timeout };
  idle?: NodeJS.Timeout;
}

/** The workers were closed before the file was read (a shutdown): nothing is wrong with the file. */
export class ReadWorkersClosed extends Error {
  constructor(name: string) {
    super(`${name}: not read, the read workers were closed`);
    this.name = 'ReadWorkersClosed';
  }
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const DEFAULTS = { workers: 1, timeoutMs: 120_000, maxHeapMb: 1536, recycleHeapMb: 768, idleMs: 60_000 };

/**
 * Reads reports on worker threads, so that a long read never blocks the caller's event loop and a
 * hostile file cannot take the process down: each file gets a time limit and a heap limit, and a
 * worker that hangs, runs out of memory or dies is replaced while that file alone becomes
 * unreadable (a ReadError naming it). Workers start when there is work and stop when idle.
 * Defects met while reading (not the file's fault) reject with an Error carrying the worker's
 * message and stack, as `analyze` would throw them.
 */
export class ReadWorkers {
  private readonly settings: typeof DEFAULTS & { entry: URL };
  private readonly slots = new Set<Slot>();
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers that failed before loading (a broken install): after three, files are read in this thread. */
  private startFailures = 0;

  constructor(options: ReadWorkersOptions = {}) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<typeof this.settings>;
    this.settings = { ...DEFAULTS, entry: ENTRY, ...given };
    this.settings.workers = Math.max(1, Math.floor(this.settings.workers));
  }

  /** Reads one file's bytes on a worker (`analyze`'s contract). */
  readonly analyze: Analyzer = (bytes, name, options = {}) => {
    if (this.closed) return Promise.reject(new ReadWorkersClosed(name));
    if (this.startFailures >= 3) return analyze(bytes, name, options);
    return new Promise<Analysis>((resolve, reject) => {
      this.waiting.push({ request: { id: this.nextId++, bytes, name, check: options.check !== false }, resolve, reject });
      this.pump();
    });
  };

  /** Workers running now (for tests and status). */
  get size(): number {
    return this.slots.size;
  }

  /** Stops every worker; files still waiting or being read are rejected with `ReadWorkersClosed`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new ReadWorkersClosed(job.request.name));
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) {
      clearTimeout(slot.idle);
      if (slot.job) {
        clearTimeout(slot.job.timer);
        slot.job.reject(new ReadWorkersClosed(slot.job.request.name));
        slot.job = undefined;
      }
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    while (this.waiting.length > 0 && !this.closed) {
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot) {
        if (this.slots.size >= this.settings.workers) return;
        slot = this.spawn();
      }
      this.dispatch(slot, this.waiting.shift() as Job);
    }
  }

  private spawn(): Slot {
    const { entry, maxHeapMb } = this.settings;
    // The entry registers tsx itself; the parent's own flags (--eval, --input-type…) would break it.
    const worker = new Worker(entry, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.unref();
    worker.on('message', (reply: ReadReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        return;
      }
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      this.settle(slot);
      const { outcome } = reply;
      if ('analysis' in outcome) job.resolve(outcome.analysis);
      else if ('unreadable' in outcome) job.reject(new ReadError(job.request.name, outcome.unreadable.reason, outcome.unreadable.reasonEn));
      else job.reject(Object.assign(new Error(outcome.defect.message), { stack: outcome.defect.stack }));
      if (reply.heapMb > this.settings.recycleHeapMb) this.retire(slot);
      this.pump();
    });
    const died = (reason: string, reasonEn: string) => {
      if (!this.slots.has(slot)) return;
      this.slots.delete(slot);
      clearTimeout(slot.idle);
      if (!slot.ready) this.startFailures++;
      const job = slot.job;
      if (job) {
        clearTimeout(job.timer);
        slot.job = undefined;
        job.reject(new ReadError(job.request.name, reason, reasonEn));
      }
      void worker.terminate();
      if (this.startFailures >= 3) {
        // The workers cannot start here: what waits is read in this thread.
        for (const waiting of this.waiting.splice(0))
          analyze(waiting.request.bytes, waiting.request.name, waiting.request).then(waiting.resolve, waiting.reject);
      }
      this.pump();
    };
    worker.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
        died(`读取时内存不足（超过 ${maxHeapMb} MB），已停止`, 'out of memory');
      else died(`读取时出错：${error.message}`, 'reader failed');
    });
    worker.on('exit', (code) => died(`读取进程意外退出（退出码 ${code}）`, 'reader exited'));
    return slot;
  }

  private dispatch(slot: Slot, job: Job): void {
    clearTimeout(slot.idle);
    const { timeoutMs } = this.settings;
    const timer = setTimeout(() => {
      if (slot.job?.request.id !== job.request.id) return;
      this.settle(slot);
      job.reject(new ReadError(job.request.name, `读取超时（超过 ${Math.round(timeoutMs / 1000)} 秒），已停止`, 'timed out'));
      this.retire(slot);
      this.pump();
    }, timeoutMs);
    slot.job = { ...job, timer };
    // A busy worker keeps the process alive until its answer; an idle one does not.
    slot.worker.ref();
    slot.worker.postMessage(job.request);
  }

  /** The slot's job is answered: the worker waits for the next, and stops when idle too long. */
  private settle(slot: Slot): void {
    if (slot.job) clearTimeout(slot.job.timer);
    slot.job = undefined;
    slot.worker.unref();
    clearTimeout(slot.idle);
    slot.idle = setTimeout(() => {
      if (!slot.job) this.retire(slot);
    }, this.settings.idleMs);
    slot.idle.unref();
  }

  /** Stops a worker (hung, grown or idle); a new one starts when there is work. */
  private retire(slot: Slot): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.idle);
    void slot.worker.terminate();
  }
}
