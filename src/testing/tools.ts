import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a Debian tool the tests need, failing with the package to install when it is absent. */
function tool(command: string, args: string[], pkg: string, timeout = 120_000): void {
  try {
    execFileSync(command, args, { stdio: 'pipe', timeout });
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

/** A DOCX converted to PDF by LibreOffice, headless. */
export function libreOfficeToPdf(docx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-lo-'));
  try {
    writeFileSync(join(dir, 'in.docx'), docx);
    tool(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'in.docx')],
      'libreoffice-writer-nogui',
    );
    return new Uint8Array(readFileSync(join(dir, 'in.pdf')));
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
