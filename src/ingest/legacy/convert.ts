import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** How long one conversion may take; below the batch's own limit per file (120 s by default). */
export const CONVERT_TIMEOUT_MS = 90_000;

/** The Debian package that provides the converter. */
export const LIBREOFFICE_PACKAGE = 'libreoffice-writer-nogui';

/** Why a conversion did not give a document. */
export class ConvertError extends Error {
  constructor(
    readonly kind: 'absent' | 'timeout' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** Options of a conversion (tests name another program to see how its absence is told). */
export interface ConvertOptions {
  /** The LibreOffice program: `GONGKAI_SOFFICE`, else `soffice` on the PATH. */
  soffice?: string;
  timeoutMs?: number;
}

/** The program's full path: as given when it has a slash, else the first on the PATH. */
export function findProgram(name: string): string | undefined {
  const candidates = name.includes('/') ? [name] : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name));
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Runs a program in its own process group, killing the whole group (LibreOffice starts
 * soffice.bin under a launcher) when the time is up. Under coreutils' `timeout` the limit
 * holds even if this thread is terminated first (a batch worker over its own limit).
 */
export function runProgram(
  program: string,
  args: string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  const guard = findProgram('timeout');
  const [command, argv] = guard ? [guard, ['-s', 'KILL', `${Math.ceil(timeoutMs / 1000)}s`, program, ...args]] : [program, args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs + 2_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // coreutils' timeout kills its whole group with KILL, itself included (or exits 124/137).
      const killed = guard !== undefined && (signal === 'SIGKILL' || code === 124 || code === 137);
      resolve({ code, stderr, timedOut: timedOut || killed });
    });
  });
}

/**
 * Converts a legacy word processing file (.doc, .wps) to DOCX with LibreOffice, headless, in
 * a fresh temporary profile (two conversions at once do not share one, and nothing of the
 * user's LibreOffice is touched), under a time limit; the temporary folder is removed after.
 */
export async function convertToDocx(bytes: Uint8Array, extension: 'doc' | 'wps', options: ConvertOptions = {}): Promise<Uint8Array> {
  const name = options.soffice ?? process.env.GONGKAI_SOFFICE ?? 'soffice';
  const program = findProgram(name);
  if (!program) throw new ConvertError('absent', `LibreOffice (${name}) not found`);
  const timeoutMs = options.timeoutMs ?? CONVERT_TIMEOUT_MS;
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-convert-'));
  try {
    const input = join(dir, `input.${extension}`);
    await writeFile(input, bytes);
    const args = [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      dir,
      input,
    ];
    const result = await runProgram(program, args, timeoutMs, { ...process.env, HOME: dir });
    if (result.timedOut) throw new ConvertError('timeout', `conversion took longer than ${Math.round(timeoutMs / 1000)} s`);
    try {
      return new Uint8Array(await readFile(join(dir, 'input.docx')));
    } catch {
      throw new ConvertError('failed', `no output (exit ${result.code}): ${result.stderr.trim().slice(0, 300)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
