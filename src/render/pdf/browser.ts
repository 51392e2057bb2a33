import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Chromium could not be found or started (AppError code `unavailable`); the message says which
 * Debian package to install.
 */
export class BrowserMissingError extends AppError {
  constructor(detail: string) {
    super(
      'unavailable',
      `未找到可用的 Chromium 浏览器（${detail}）。请安装 Debian 软件包 chromium：apt-get install chromium fonts-noto-cjk；或用环境变量 GONGKAI_CHROMIUM 指定浏览器路径。`,
      { tool: 'chromium', detail },
    );
    this.name = 'BrowserMissingError';
  }
}

/** The Chromium executable: $GONGKAI_CHROMIUM, else Debian's. */
export function chromiumPath(): string {
  const configured = loadConfig().chromium;
  if (configured) {
    if (!existsSync(configured)) throw new BrowserMissingError(`GONGKAI_CHROMIUM=${configured} 不存在`);
    return configured;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new BrowserMissingError(`${CANDIDATES.join('、')} 均不存在`);
  return found;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running headless Chromium with a fresh profile and the official-font aliases. */
export interface RunningBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Starts Debian's Chromium headless (never a downloaded one), with our fontconfig file or the one given. */
export async function startBrowser(fontconfigFile?: string): Promise<RunningBrowser> {
  const executablePath = chromiumPath();
  const fonts = fontconfigFile ?? fileURLToPath(new URL('./fonts.conf', import.meta.url));
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      // Playwright gives every launch a fresh temporary profile (--user-data-dir).
      args: FLAGS,
      env: { ...process.env, FONTCONFIG_FILE: fonts },
      timeout: 60_000,
    });
  } catch (error) {
    throw new BrowserMissingError(`${executablePath} 无法启动：${(error as Error).message.split('\n')[0]}`);
  }
  return {
    browser,
    close: () => browser.close(),
  };
}
