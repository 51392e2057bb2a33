// A batch worker: reads and checks the files the pool sends, one at a time, and says how large
// its heap has grown so the pool can replace it.
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { runJob } from './job.ts';
import type { WorkerMessage } from './pool.ts';

parentPort?.on('message', async (message: { id: number; file: string; check: boolean }) => {
  const result = await runJob(message.file, message.check);
  const reply: WorkerMessage = { id: message.id, result, heapMb: Math.round(getHeapStatistics().used_heap_size / 1048576) };
  parentPort?.postMessage(reply);
});

const ready: WorkerMessage = { ready: true };
parentPort?.postMessage(ready);
