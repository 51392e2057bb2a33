import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';

// Unset and empty are the same thing in a shell (`DATABASE_URL= gongkai …`).
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** The environment variables the product reads, and nothing else. */
const ENV = z.object({
  /** The data folder of the embedded database. */
  GONGKAI_DATA: optional,
  /** A PostgreSQL server instead of the embedded database. */
  DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'DATABASE_URL 应以 postgres:// 或 postgresql:// 开头'),
  /** The Chromium used to print PDF. */
  GONGKAI_CHROMIUM: optional,
  /** Who the command line acts as (default: the OS user). */
  GONGKAI_USER: optional,
  XDG_DATA_HOME: optional,
  HOME: optional,
  /** The web server's address (default 127.0.0.1:8600). */
  GONGKAI_HOST: optional,
  GONGKAI_PORT: optional.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 65535), 'GONGKAI_PORT 应为 0 至 65535 的整数'),
  /** Set to 1 behind an HTTPS reverse proxy: X-Forwarded-Proto and X-Forwarded-For are then trusted. */
  GONGKAI_TRUST_PROXY: optional,
});

/** Where the product keeps its data and which tools it uses, from the environment. */
export interface Config {
  /** The embedded database's data folder (absolute). */
  dataDir: string;
  /** Why that folder: the variable that chose it, or the default. */
  dataDirSource: 'GONGKAI_DATA' | 'XDG_DATA_HOME' | 'HOME';
  databaseUrl: string | undefined;
  chromium: string | undefined;
  user: string | undefined;
  /** Where the web server listens. */
  server: { host: string; port: number; trustProxy: boolean };
}

/**
 * Reads the configuration from the environment: the data folder is $GONGKAI_DATA, else
 * $XDG_DATA_HOME/gongkai, else ~/.local/share/gongkai (the same folder wherever the command
 * runs). An unusable value is an AppError naming the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ENV.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`);
    throw new AppError('invalid', `环境变量有误：${problems.join('；')}`, { problems });
  }
  const e = parsed.data;
  const home = e.HOME ?? homedir();
  let dataDir: string;
  let dataDirSource: Config['dataDirSource'];
  if (e.GONGKAI_DATA) {
    dataDir = resolve(e.GONGKAI_DATA);
    dataDirSource = 'GONGKAI_DATA';
  } else if (e.XDG_DATA_HOME && isAbsolute(e.XDG_DATA_HOME)) {
    // The XDG spec: a relative XDG_DATA_HOME is invalid and ignored.
    dataDir = join(e.XDG_DATA_HOME, 'gongkai');
    dataDirSource = 'XDG_DATA_HOME';
  } else {
    dataDir = join(home, '.local', 'share', 'gongkai');
    dataDirSource = 'HOME';
  }
  return {
    dataDir,
    dataDirSource,
    databaseUrl: e.DATABASE_URL,
    chromium: e.GONGKAI_CHROMIUM,
    user: e.GONGKAI_USER,
    server: {
      host: e.GONGKAI_HOST ?? '127.0.0.1',
      port: e.GONGKAI_PORT === undefined ? 8600 : Number(e.GONGKAI_PORT),
      trustProxy: e.GONGKAI_TRUST_PROXY === '1' || e.GONGKAI_TRUST_PROXY === 'true',
    },
  };
}

/** A database URL with its password hidden, for display. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
