import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProgram, runProgram } from '../legacy/convert.ts';
import type { GrayImage } from './rulings.ts';

/** The Debian packages OCR needs. */
export const TESSERACT_PACKAGES = 'tesseract-ocr 和 tesseract-ocr-chi-sim';

/** Time one tesseract run may take (a page of cells or a page of text). */
export const TESSERACT_TIMEOUT_MS = 120_000;

/** Why OCR could not run: the program or its Chinese data is missing, or it failed; or the recognition model could not be loaded. */
export class OcrUnavailable extends Error {
  constructor(
    message: string,
    readonly engine: 'tesseract' | 'paddle' = 'tesseract',
  ) {
    super(message);
  }
}

/** A recognised word: its text, box in pixels of its image, and tesseract's confidence (0–100). */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  /** Block, paragraph and line of the word: words of one line share it. */
  line: string;
}

/** How tesseract reads an image: the language, page segmentation mode and characters allowed. */
export interface OcrMode {
  lang: 'chi_sim' | 'eng';
  psm: number;
  whitelist?: string;
}

/** The program: `GONGKAI_TESSERACT` (tests name a missing one), else `tesseract` on the PATH. */
export function tesseractProgram(): string | undefined {
  return findProgram(process.env.GONGKAI_TESSERACT ?? 'tesseract');
}

/** A grayscale image as a binary PGM, which tesseract (leptonica) reads. */
function pgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.pixels.length);
  out.set(header);
  out.set(img.pixels, header.length);
  return out;
}

/** Parses tesseract's TSV: words (level 5) with their page (image) number. */
export function parseTsv(tsv: string): Map<number, OcrWord[]> {
  const pages = new Map<number, OcrWord[]>();
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const text = (f[11] as string).trim();
    if (text === '') continue;
    const page = Number(f[1]);
    const words = pages.get(page) ?? [];
    words.push({
      text,
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      conf: Number(f[10]),
      line: `${f[2]}.${f[3]}.${f[4]}`,
    });
    pages.set(page, words);
  }
  return pages;
}

/**
 * Recognises images with one tesseract process (the model is loaded once for all of them;
 * `OMP_THREAD_LIMIT=1` keeps it on one core, so its results do not depend on the machine's
 * threads), under a time limit. Returns each image's words, in the images' order.
 */
export async function recognise(images: readonly GrayImage[], mode: OcrMode): Promise<OcrWord[][]> {
  if (images.length === 0) return [];
  const program = tesseractProgram();
  if (!program) throw new OcrUnavailable('tesseract not found');
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-tess-'));
  try {
    const names = await Promise.all(
      images.map(async (img, i) => {
        const name = join(dir, `i${i}.pgm`);
        await writeFile(name, pgm(img));
        return name;
      }),
    );
    await writeFile(join(dir, 'list.txt'), names.join('\n') + '\n');
    const args = [join(dir, 'list.txt'), join(dir, 'out'), '-l', mode.lang, '--psm', String(mode.psm), '--dpi', String(images[0]?.dpi ?? 200)];
    if (mode.whitelist) args.push('-c', `tessedit_char_whitelist=${mode.whitelist}`);
    args.push('tsv');
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const result = await runProgram(program, args, TESSERACT_TIMEOUT_MS, env);
    if (result.timedOut) throw new OcrUnavailable(`tesseract took longer than ${TESSERACT_TIMEOUT_MS / 1000} s`);
    if (/Failed loading language|Error opening data file/i.test(result.stderr)) throw new OcrUnavailable(`tesseract has no ${mode.lang} data`);
    let tsv: string;
    try {
      tsv = await readFile(join(dir, 'out.tsv'), 'utf8');
    } catch {
      throw new OcrUnavailable(`tesseract gave no output (exit ${result.code}): ${result.stderr.trim().slice(0, 200)}`);
    }
    const pages = parseTsv(tsv);
    return images.map((_, i) => pages.get(i + 1) ?? []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
