// A read worker's entry. Beside the compiled worker (dist/), load it directly; beside the
// TypeScript sources, worker threads do not inherit the tsx loader: register it first.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./worker.js', import.meta.url))) {
  await import(new URL('./worker.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker.ts');
}
