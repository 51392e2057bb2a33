import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTables } from './grid.ts';
import { pageLines } from './page-lines.ts';
import type { PageGeometry, PdfChar, Segment } from './parse/index.ts';

const H = (y: number, x1: number, x2: number): Segment => ({ x1, y1: y, x2, y2: y });
const V = (x: number, y1: number, y2: number): Segment => ({ x1: x, y1, x2: x, y2 });

/** Glyphs of a text, 6 points wide each, on a baseline. */
function word(text: string, x: number, y: number, size = 10): PdfChar[] {
  return [...text].map((ch, i) => ({ text: ch, x: x + i * 6, y, w: 6, size, run: 0, vertical: false }));
}

/** A ruled grid: rows at the given ys, columns at the given xs; `skip` leaves inner verticals out. */
function grid(xs: number[], ys: number[], skip: (x: number, y0: number) => boolean = () => false): Segment[] {
  const segs: Segment[] = ys.map((y) => H(y, xs[0] as number, xs[xs.length - 1] as number));
  for (const x of xs) for (let r = 0; r + 1 < ys.length; r++) if (!skip(x, ys[r] as number)) segs.push(V(x, ys[r] as number, ys[r + 1] as number));
  return segs;
}

const rows = (page: PageGeometry) => pageLines(page).flatMap((l) => (l.kind === 'row' ? [l.cells.map((c) => (c.cut ? '✂' : c.text))] : []));

test('grid: crossing rulings make cells; a missing inner border merges cells; dashes join', () => {
  const segs = grid([50, 150, 200, 250], [100, 120, 140], (x, y0) => x === 200 && y0 === 100);
  // The top ruling drawn as dashes.
  segs.splice(0, 1, H(100, 50, 120), H(100, 121, 250));
  const [table] = findTables(segs);
  assert.ok(table);
  assert.deepEqual(
    table.cells.map((c) => [c.row, c.col, c.x1 - c.x0]),
    [
      [0, 0, 100],
      [0, 1, 100],
      [1, 0, 100],
      [1, 1, 50],
      [1, 2, 50],
    ],
  );
});

test('rows: every box is a cell (empty boxes are empty cells); a number wrapped in a narrow box is whole again', () => {
  const segs = grid([50, 150, 170, 190], [100, 140, 160]);
  const chars = [...word('新收申请', 55, 115), ...word('300', 151, 112), ...word('1', 151, 124), ...word('0', 171, 112), ...word('结转', 55, 155)];
  assert.deepEqual(rows({ width: 600, height: 800, chars, segments: segs }), [
    ['新收申请', '3001', '0'],
    ['结转', '', ''],
  ]);
});

test('rows: two table rows in one grid row (a ruling not drawn) keep their numbers apart (never fused)', () => {
  const segs = grid([50, 150, 250], [100, 140]);
  const chars = [...word('合计', 55, 112), ...word('小计', 55, 124), ...word('12', 190, 112), ...word('3', 190, 124)];
  assert.deepEqual(rows({ width: 600, height: 800, chars, segments: segs }), [['合计小计', '12 3']]);
});

test('rows: a number broken digit by digit in one narrow box, beside one-line boxes, is whole', () => {
  const segs = grid([50, 150, 170, 190], [100, 160]);
  const digits = [...'25504'].flatMap((d, i) => word(d, 153, 110 + i * 10));
  const chars = [...word('新收', 55, 130), ...digits, ...word('15', 172, 130)];
  assert.deepEqual(rows({ width: 600, height: 800, chars, segments: segs }), [['新收', '25504', '15']]);
});

test('rows: a label wrapped over three lines is one cell; text outside the table is a text line', () => {
  const segs = grid([50, 90, 130], [100, 150]);
  const chars = [
    ...word('（二）部分', 52, 112),
    ...word('公开（区分', 52, 124),
    ...word('处理的）', 52, 136),
    ...word('4', 100, 124),
    ...word('注：单位为件', 50, 180),
  ];
  const lines = pageLines({ width: 600, height: 800, chars, segments: segs });
  assert.deepEqual(lines[0]?.kind === 'row' && lines[0].cells.map((c) => c.text), ['（二）部分公开（区分处理的）', '4']);
  assert.equal(lines[1]?.kind, 'text');
});

test('rows: boxes cut by the page edge, or open where the border is not drawn, are unread', () => {
  // Horizontal rulings run past the last vertical one (620 > page width 600).
  const segs = [...grid([50, 150, 250, 350], [100, 120]), H(100, 350, 620), H(120, 350, 620)];
  const chars = [...word('行政许可', 55, 115), ...word('7', 190, 115), ...word('8', 290, 115), ...word('9', 590, 115)];
  assert.deepEqual(rows({ width: 600, height: 800, chars, segments: segs }), [['行政许可', '7', '8', '✂']]);
  // The last border is missing altogether (the printer's clip removed it): a number whose
  // glyphs run on past the drawing is cut; one that ends well inside what is shown is whole.
  const open = [...grid([50, 150, 250], [100, 120, 140]), H(100, 250, 330), H(120, 250, 330), H(140, 250, 330)];
  const shown = [...word('行政许可', 55, 115), ...word('7', 190, 115), ...word('12', 322, 115), ...word('行政处罚', 55, 135), ...word('4', 290, 135)];
  assert.deepEqual(rows({ width: 600, height: 800, chars: shown, segments: open }), [
    ['行政许可', '7', '✂'],
    ['行政处罚', '', '4'],
  ]);
});

test('rows: a single framed box (a page border or text frame) is not a table', () => {
  const segs = grid([20, 580], [20, 780]);
  const lines = pageLines({ width: 600, height: 800, chars: word('正文', 60, 100), segments: segs });
  assert.deepEqual(
    lines.map((l) => l.kind),
    ['text'],
  );
});
