import type { Cell, Finding } from '../../report/index.ts';
import type { OcrCell } from './ocr-page.ts';

/** Confidence (the recognition model's, 0–100) below which an OCR cell is reported for review (`ocr-low-confidence`). */
export const LOW_CONFIDENCE = 85;

const round = (n: number) => Math.round(n * 10) / 10;
const boxKey = (page: number | undefined, x: number | undefined, y: number | undefined) => `${page}:${x}:${y}`;

/**
 * The `ocr-low-confidence` findings of a report read by OCR: every located cell whose OCR
 * confidence is below LOW_CONFIDENCE, by cell key and page. A cell that stands in no OCR cell
 * box (read from the page's free text) has no confidence of its own and is reported too, and so
 * is every cell of a row holding a doubtful cell that may have shifted its values: an OCR value
 * is never trusted silently.
 */
export function ocrFindings(file: string, cells: Readonly<Record<string, Cell>>, ocr: readonly OcrCell[]): Finding[] {
  const boxes = new Map(ocr.map((c) => [boxKey(c.page, round(c.x0), round(c.y0)), c]));
  // Rows where a doubtful cell may have moved the values: an unread cell with ink (the values
  // after it shift left) or a label with a number read into its end (they shift right).
  const doubtful = ocr.filter((c) => c.conf < LOW_CONFIDENCE && (c.text === '' || /[^\d\s.,]\s*\d+$/.test(c.text)));
  const inDoubtfulRow = (page: number, y: number) => doubtful.some((c) => c.page === page && y > c.y0 && y < c.y1);
  // A cell found blank in a row where some box was read uncertainly: its value may be that box's.
  const unsure = ocr.filter((c) => c.conf < LOW_CONFIDENCE);
  const inUnsureRow = (page: number, y: number) => unsure.some((c) => c.page === page && y > c.y0 && y < c.y1);
  const out: Finding[] = [];
  for (const cell of Object.values(cells)) {
    const s = cell.source;
    if (!s || s.page === undefined) continue;
    const box = boxes.get(boxKey(s.page, s.x, s.y));
    const middle = s.y !== undefined && s.height !== undefined ? s.y + s.height / 2 : undefined;
    const shifted = middle !== undefined && (inDoubtfulRow(s.page, middle) || (cell.value === null && inUnsureRow(s.page, middle)));
    if (box && box.conf >= LOW_CONFIDENCE && !shifted) continue;
    const shown = cell.raw === '' ? '（空白）' : `「${cell.raw}」`;
    out.push({
      rule: 'ocr-low-confidence',
      severity: 'warning',
      message: !box
        ? `第${s.page}页单元格${shown}由文字识别从表格外的文字读出，没有单元格的置信度，请与原件核对`
        : box.conf >= LOW_CONFIDENCE
          ? `第${s.page}页单元格${shown}由文字识别读出（置信度 ${Math.round(box.conf)}），但同一行有识别不确定的单元格，数值可能错位，请与原件核对`
          : `第${s.page}页单元格${shown}由文字识别读出，置信度 ${Math.round(box.conf)}，低于 ${LOW_CONFIDENCE}，请与原件核对`,
      keys: [cell.key],
      actual: cell.value,
      source: { ...s, file },
    });
  }
  return out;
}
