// A read worker (ReadWorkers): reads the bytes it is sent, one file at a time, and says how large
// its heap has grown so the pool can replace it.
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { ReadError } from '../ingest/document.ts';
import { analyze } from './analyze.ts';
import type { ReadReply, ReadRequest } from './workers.ts';

async function answer(request: ReadRequest): Promise<ReadReply & { id: number }> {
  const heapMb = () => Math.round(getHeapStatistics().used_heap_size / 1048576);
  try {
    const analysis = await analyze(request.bytes, request.name, { check: request.check });
    return { id: request.id, heapMb: heapMb(), outcome: { analysis } };
  } catch (error) {
    if (error instanceof ReadError)
      return { id: request.id, heapMb: heapMb(), outcome: { unreadable: { reason: error.reason, reasonEn: error.reasonEn } } };
    const defect = error instanceof Error ? { message: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { message: String(error) };
    return { id: request.id, heapMb: heapMb(), outcome: { defect } };
  }
}

parentPort?.on('message', (request: ReadRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});

const ready: ReadReply = { ready: true };
parentPort?.postMessage(ready);
