// A batch worker: reads and checks the files the pool sends, one at a time.
import { parentPort } from 'node:worker_threads';
import { runJob } from './job.ts';

parentPort?.on('message', async (message: { id: number; file: string; check: boolean }) => {
  const result = await runJob(message.file, message.check);
  parentPort?.postMessage({ id: message.id, result });
});
