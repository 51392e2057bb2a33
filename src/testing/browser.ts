// Browser tests of the workbench: one server (PGlite snapshot clone, the built UI) and one
// Chromium (Debian's, headless, with the project's fonts.conf) per test file; pages log in
// as users with known passwords; screenshots of the main pages are kept in test-results/.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { Database } from '../db/index.ts';
import { type RunningBrowser, startBrowser } from '../render/pdf/browser.ts';
import type { ReviewRuntimeOptions } from '../review/index.ts';
import { createUser } from '../server/accounts.ts';
import type { UserRole } from '../server/roles.ts';
import { type RunningServer, startServer } from '../server/serve.ts';
import { findWebRoot } from '../server/static.ts';
import { TEST_PASSWORD } from '../server/test-server.ts';
import { testDatabase } from './db.ts';

export { TEST_PASSWORD };

/** Where screenshots go (kept by CI as artifacts; ignored by git). */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export interface BrowserRig {
  db: Database;
  server: RunningServer;
  url: string;
  browser: RunningBrowser;
  /** A fresh browser context (own cookies) with one page; errors thrown in the page fail the test at `close`. */
  page(): Promise<Page>;
  /** Creates a user with TEST_PASSWORD. */
  user(username: string, role: UserRole, agencyId: number | null): Promise<void>;
  /** Opens the app in a new context and logs in through the login form. */
  login(username: string): Promise<Page>;
  /** Saves a full-page screenshot under test-results/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  /** Errors the pages threw (uncaught exceptions), for a test to assert there were none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Starts the rig; the UI must have been built (npm run build, which `npm test` runs first). A test
 * may give its own database (closed with the rig) and the review runtime's options (the queue's address).
 */
export async function startRig(options: { db?: Database; reviewOptions?: ReviewRuntimeOptions } = {}): Promise<BrowserRig> {
  const webRoot = findWebRoot();
  if (!webRoot) throw new Error('网页界面尚未构建（dist/web/index.html 不存在）：请先运行 npm run build');
  const db = options.db ?? (await testDatabase());
  const server = await startServer({
    db,
    host: '127.0.0.1',
    port: 0,
    log: (e) => console.error('[server]', e),
    webRoot,
    ...(options.reviewOptions ? { reviewOptions: options.reviewOptions } : {}),
  });
  const browser = await startBrowser();
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  const rig: BrowserRig = {
    db,
    server,
    url: server.url,
    browser,
    pageErrors,
    async page() {
      // Reduced motion (the workbench then draws no animations): what a test sees is settled at once,
      // never an animation that a loaded machine has not finished.
      const context = await browser.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1366, height: 900 },
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return page;
    },
    async user(username, role, agencyId) {
      await createUser(db, 'test', { username, role, agencyId, password: TEST_PASSWORD });
    },
    async login(username) {
      const page = await rig.page();
      await page.goto(server.url + '/');
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByRole('navigation', { name: '主菜单' }).waitFor();
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
      await db.close();
    },
  };
  return rig;
}

/** True when the built UI exists (for a clear failure message, never a skip). */
export function uiBuilt(): boolean {
  const root = findWebRoot();
  return root !== undefined && existsSync(root);
}
