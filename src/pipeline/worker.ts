// A read worker (ReadWorkers): reads the bytes it is sent, one file at a time, and says how large
// its heap has grown so the pool can replace it.
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { ReadError } from '../ingest/document.ts';
import { readDocument } from '../ingest/read-report.ts';
import { analyze } from './analyze.ts';
import type { ReadReply, ReadRequest } from './workers.ts';

type Outcome = Extract<ReadReply, { id: number }>['outcome'];

function defectOf(error: unknown): Outcome {
  return { defect: error instanceof Error ? { message: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { message: String(error) } };
}

async function outcomeOf(request: ReadRequest): Promise<Outcome> {
  try {
    if (request.task === 'document') return { document: await readDocument(request.name, request.bytes) };
    return { analysis: await analyze(request.bytes, request.name, { check: request.check }) };
  } catch (error) {
    if (error instanceof ReadError) return { unreadable: { reason: error.reason, reasonEn: error.reasonEn } };
    return defectOf(error);
  }
}

parentPort?.on('message', (request: ReadRequest) => {
  void outcomeOf(request).then((outcome) => {
    const heapMb = Math.round(getHeapStatistics().used_heap_size / 1048576);
    try {
      parentPort?.postMessage({ id: request.id, heapMb, outcome } satisfies ReadReply);
    } catch (error) {
      // What was read could not be sent (a value that does not clone): a defect, said as one.
      parentPort?.postMessage({ id: request.id, heapMb, outcome: defectOf(error) } satisfies ReadReply);
    }
  });
});

const ready: ReadReply = { ready: true };
parentPort?.postMessage(ready);
