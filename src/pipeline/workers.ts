import { Worker } from 'node:worker_threads';
import { ReadError, type SourceDocument } from '../ingest/document.ts';
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

/**
 * What the server asks a worker: read these bytes into a checked report (`analyze`), or only into
 * the container's lines (`document`, for showing a source with its cells marked).
 */
export interface ReadRequest {
  id: number;
  task: 'analyze' | 'document';
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
      outcome:
        | { analysis: Analysis }
        | { document: SourceDocument }
        | { unreadable: { reason: string; reasonEn: string } }
        | { defect: { message: string; stack?: string } };
    };

interface Job {
  request: ReadRequest;
  resolve: (result: Analysis | SourceDocument) => void;
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
  /** Workers stopped but not yet gone: they count against `workers`, so two never hold memory for one place. */
  private retiring = 0;
  /**
   * Workers in a row that could not be made or died before loading (a broken install, no threads
   * left): after three, files are read in this thread. A worker that loads resets the count.
   */
  private startFailures = 0;

  constructor(options: ReadWorkersOptions = {}) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<typeof this.settings>;
    this.settings = { ...DEFAULTS, entry: ENTRY, ...given };
    this.settings.workers = Math.max(1, Math.floor(this.settings.workers));
  }

  /** Reads one file's bytes on a worker (`analyze`'s contract). */
  readonly analyze: Analyzer = (bytes, name, options = {}) => this.submit('analyze', bytes, name, options.check !== false) as Promise<Analysis>;

  /** Reads one file's bytes into the container's lines on a worker (`readDocument`'s contract). */
  readonly document = (bytes: Uint8Array, name: string): Promise<SourceDocument> =>
    this.submit('document', bytes, name, false) as Promise<SourceDocument>;

  private submit(task: ReadRequest['task'], bytes: Uint8Array, name: string, check: boolean): Promise<Analysis | SourceDocument> {
    if (this.closed) return Promise.reject(new ReadWorkersClosed(name));
    const request: ReadRequest = { id: this.nextId++, task, bytes, name, check };
    if (this.startFailures >= 3) return readHere(request);
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.pump();
    });
  }

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
      if (this.startFailures >= 3) {
        // The workers cannot start here: what waits is read in this thread.
        for (const job of this.waiting.splice(0)) readHere(job.request).then(job.resolve, job.reject);
        return;
      }
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot) {
        if (this.slots.size + this.retiring >= this.settings.workers) return;
        slot = this.spawn();
        if (!slot) continue;
      }
      this.dispatch(slot, this.waiting.shift() as Job);
    }
  }

  /** A new worker, or undefined (counted as a start failure) when no thread can be made. */
  private spawn(): Slot | undefined {
    const { entry, maxHeapMb } = this.settings;
    let worker: Worker;
    try {
      // The entry registers tsx itself; the parent's own flags (--eval, --input-type…) would break it.
      worker = new Worker(entry, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    } catch {
      this.startFailures++;
      return undefined;
    }
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.unref();
    worker.on('message', (reply: ReadReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.startFailures = 0;
        return;
      }
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      this.settle(slot);
      const { outcome } = reply;
      if ('analysis' in outcome) job.resolve(outcome.analysis);
      else if ('document' in outcome) job.resolve(outcome.document);
      else if ('unreadable' in outcome) job.reject(new ReadError(job.request.name, outcome.unreadable.reason, outcome.unreadable.reasonEn));
      else job.reject(Object.assign(new Error(outcome.defect.message), { stack: outcome.defect.stack }));
      if (reply.heapMb > this.settings.recycleHeapMb) this.retire(slot);
      this.pump();
    });
    // `error`: a defect of ours (a throw the worker did not catch) unless the heap ran out;
    // `exit`: the worker died under the file (the file's problem).
    const died = (failure: (name: string) => Error) => {
      if (!this.slots.has(slot)) return;
      this.slots.delete(slot);
      clearTimeout(slot.idle);
      const job = slot.job;
      if (job) {
        clearTimeout(job.timer);
        slot.job = undefined;
        // Before loading, the worker never saw the file: it waits for the next worker.
        if (!slot.ready) this.waiting.unshift(job);
        else job.reject(failure(job.request.name));
      }
      if (!slot.ready) this.startFailures++;
      this.stopWorker(worker);
    };
    worker.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
        died((name) => new ReadError(name, `读取时内存不足（超过 ${maxHeapMb} MB），已停止`, 'out of memory'));
      else died(() => error);
    });
    worker.on('exit', (code) => died((name) => new ReadError(name, `读取进程意外退出（退出码 ${code}）`, 'reader exited')));
    return slot;
  }

  /** Stops a worker; its place is taken only once it is gone. */
  private stopWorker(worker: Worker): void {
    this.retiring++;
    void worker
      .terminate()
      .catch(() => undefined)
      .finally(() => {
        this.retiring--;
        this.pump();
      });
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

  /** Stops a worker (hung, grown or idle); a new one starts when there is work and it is gone. */
  private retire(slot: Slot): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.idle);
    this.stopWorker(slot.worker);
  }
}

/** A request read in this thread (the workers cannot start here). */
async function readHere(request: ReadRequest): Promise<Analysis | SourceDocument> {
  if (request.task === 'analyze') return analyze(request.bytes, request.name, { check: request.check });
  const { readDocument } = await import('../ingest/read-report.ts');
  return readDocument(request.name, request.bytes);
}
