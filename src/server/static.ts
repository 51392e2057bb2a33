import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { ServerEnv } from './http.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is a module: a module script is refused unless served as JavaScript.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The built workbench: dist/web beside the compiled server, or the build's output when running from source. */
export function findWebRoot(): string | undefined {
  const candidates = [fileURLToPath(new URL('../web', import.meta.url)), fileURLToPath(new URL('../../dist/web', import.meta.url))];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * Serves the workbench: files under `root` (hashed assets cached for a year), and index.html for
 * every other path that is not the API, so the browser's routes load the app. Without a build,
 * a page says how to make one.
 */
export function serveWeb(app: Hono<ServerEnv>, root: string | undefined): void {
  const base = root ? normalize(root + sep) : undefined;
  const index = base ? readFileSync(join(base, 'index.html')) : undefined;
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return c.notFound();
    if (!base || !index) return c.text('公开（gongkai）服务器正在运行，但网页界面尚未构建：请运行 npm run build。JSON 接口位于 /api。\n', 503);
    const path = normalize(join(base, decodeURIComponent(c.req.path)));
    if (path.startsWith(base) && path !== base && existsSync(path) && statSync(path).isFile()) {
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const immutable = c.req.path.startsWith('/assets/');
      return c.body(readFileSync(path), 200, {
        'Content-Type': type,
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    return c.body(index, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  });
}
