import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The fontconfig file the tests print with: only Debian's Noto CJK and DejaVu fonts, so a test's
 * PDF does not depend on what else a machine has installed.
 */
export const TEST_FONTCONFIG = fileURLToPath(new URL('./fonts.conf', import.meta.url));

/** Which fonts a printer sees: the tests' own list, or whatever this machine has (as users' PDFs do). */
export type FontSetup = 'test' | 'machine';

/** The environment of a printing subprocess for a font setup. */
export function fontEnv(fonts: FontSetup): NodeJS.ProcessEnv {
  return fonts === 'test' ? { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG } : process.env;
}

/** Runs a Debian tool the tests need, failing with the package to install when it is absent. */
function tool(command: string, args: string[], pkg: string, timeout = 120_000, env: NodeJS.ProcessEnv = process.env): void {
  try {
    execFileSync(command, args, { stdio: 'pipe', timeout, env });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${command} not found: install the Debian package ${pkg} (bash scripts/test.sh does)`);
    throw error;
  }
}

/** PDF pages as grayscale PNG bytes at a resolution (poppler-utils' pdftoppm). */
export function pdfToPngs(pdf: Uint8Array, dpi: number, pages?: { first: number; last: number }): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-ppm-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    tool('pdftoppm', ['-r', String(dpi), '-gray', '-png', ...range, join(dir, 'in.pdf'), join(dir, 'page')], 'poppler-utils');
    return readdirSync(dir)
      .filter((f) => f.startsWith('page'))
      .sort()
      .map((f) => new Uint8Array(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * DOCX files converted to PDF by LibreOffice, headless, in one run (starting LibreOffice costs
 * seconds; each further file a fraction of one). Fonts: the tests' list unless told otherwise.
 */
export function libreOfficeToPdfs(docxs: readonly Uint8Array[], fonts: FontSetup = 'test'): Uint8Array[] {
  if (docxs.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-lo-'));
  try {
    const inputs = docxs.map((docx, i) => {
      const file = join(dir, `in-${i}.docx`);
      writeFileSync(file, docx);
      return file;
    });
    tool(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...inputs],
      'libreoffice-writer-nogui',
      60_000 + 10_000 * docxs.length,
      fontEnv(fonts),
    );
    return docxs.map((_, i) => new Uint8Array(readFileSync(join(dir, `in-${i}.pdf`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One DOCX converted to PDF by LibreOffice, headless. */
export function libreOfficeToPdf(docx: Uint8Array, fonts: FontSetup = 'test'): Uint8Array {
  return libreOfficeToPdfs([docx], fonts)[0] as Uint8Array;
}

/** A word of a PDF page with its box in points from the page's top-left corner. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The pages of a PDF as poppler sees them: size and words (pdftotext -bbox, poppler-utils). */
export function pdfWords(pdf: Uint8Array): { width: number; height: number; words: PdfWord[] }[] {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bbox-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    tool('pdftotext', ['-bbox', join(dir, 'in.pdf'), join(dir, 'out.html')], 'poppler-utils');
    const html = readFileSync(join(dir, 'out.html'), 'utf8');
    return html
      .split('<page ')
      .slice(1)
      .map((page) => {
        const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
        const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
          text: (m[5] as string).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
        }));
        return { width: Number(size?.[1]), height: Number(size?.[2]), words };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PDF rewritten by qpdf (Debian's qpdf) with the given options: object streams, encryption. */
export function qpdf(pdf: Uint8Array, args: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-qpdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    tool('qpdf', [...args, join(dir, 'in.pdf'), join(dir, 'out.pdf')], 'qpdf');
    return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * DOCX files saved by LibreOffice, headless, in one run, in another format it writes
 * (`doc` for Word 97–2003): the legacy files agencies still publish.
 */
export function libreOfficeConvert(docxs: readonly Uint8Array[], to: 'doc'): Uint8Array[] {
  if (docxs.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-lo-'));
  try {
    const inputs = docxs.map((docx, i) => {
      const file = join(dir, `in-${i}.docx`);
      writeFileSync(file, docx);
      return file;
    });
    const filter = { doc: 'doc:MS Word 97' }[to];
    tool(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', dir, ...inputs],
      'libreoffice-writer-nogui',
      60_000 + 10_000 * docxs.length,
    );
    return docxs.map((_, i) => new Uint8Array(readFileSync(join(dir, `in-${i}.${to}`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
