import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** File endings read when a folder is given (a file named explicitly is always tried). */
export const REPORT_EXTENSIONS = new Set(['.txt', '.text', '.html', '.htm', '.shtml', '.xhtml', '.pdf', '.docx', '.md', '.ofd', '.doc', '.wps']);

async function walk(dir: string, recursive: boolean, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive && !entry.name.startsWith('.')) await walk(path, recursive, out);
    } else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
  }
}

/**
 * The files to read: named files as they are (errors for them come later, per file), folders
 * expanded to the report files in them (and below them with `recursive`), in name order.
 */
export async function expandInputs(args: readonly string[], recursive: boolean): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) await walk(arg, recursive, out);
    else out.push(arg);
  }
  return out;
}
