import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ReviewRuntime } from '../review/index.ts';
import { type AppOptions, createApp } from './app.ts';

export interface RunningServer {
  /** The address it listens on, e.g. http://127.0.0.1:8600 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the web application on a host and port (0: any free port); resolves once it listens. */
export function startServer(options: AppOptions & { host: string; port: number }): Promise<RunningServer> {
  // The reviewer console's background reader lives as long as the server.
  const review = options.review ?? new ReviewRuntime(options.db, { ...(options.log ? { log: options.log } : {}), ...options.reviewOptions });
  const app = createApp({ ...options, review });
  review.start();
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => void review.close().then(done, done));
            // Idle keep-alive connections would hold the close open.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
    // Slow clients cannot hold a connection open forever.
    server.setTimeout?.(120_000);
  });
}
