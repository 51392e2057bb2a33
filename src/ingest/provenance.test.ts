import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runChecks } from '../check/index.ts';
import { APPLICANT_COLUMNS, getFormat, getTable } from '../format/index.ts';
import { describeSource, type Report } from '../report/index.ts';
import { renderDocx } from '../render/docx/render-docx.ts';
import { renderHtml } from '../render/html/render-html.ts';
import { randomReport } from '../testing/random-report.ts';
import { GridColumns } from './html/read-html.ts';
import { readReportBytes } from './read-report.ts';

/** Table B's cells stand in one table, rows in the standard's order, columns left to right. */
function assertTablePlaces(back: Report, file: string): void {
  const rows = getTable(getFormat('2021'), 'b').blocks[0]?.rows ?? [];
  const tables = new Set<number | undefined>();
  let lastRow = 0;
  for (const row of rows) {
    const sources = APPLICANT_COLUMNS.map((c) => back.cells[`b.${row.key}.${c.key}`]?.source);
    for (const s of sources) tables.add(s?.table);
    const rowNo = sources[0]?.row ?? 0;
    assert.ok(rowNo > lastRow, `${file}: row of ${row.key}`);
    assert.ok(
      sources.every((s) => s?.row === rowNo),
      `${file}: ${row.key} in one row`,
    );
    const columns = sources.map((s) => s?.cell ?? 0);
    assert.deepEqual(
      columns,
      [...columns].sort((a, b) => a - b),
      `${file}: ${row.key} columns`,
    );
    assert.equal(new Set(columns).size, columns.length, `${file}: ${row.key} columns distinct`);
    lastRow = rowNo;
  }
  assert.equal(tables.size, 1, `${file}: one table`);
  assert.ok([...tables][0] !== undefined);
}

// Regression: every finding in an HTML page said 「第1行」 (the page's HTML on one line).
test('HTML and DOCX cells know their table, row and column, and findings name them', async () => {
  const report = randomReport(5, { format: '2021' });
  const total = report.cells['b.granted.total'];
  assert.ok(total && total.value !== null);
  total.value += 1;
  for (const [file, bytes] of [
    ['r.html', new TextEncoder().encode(renderHtml(report).replace(/\n/g, ''))],
    ['r.docx', await renderDocx(report)],
  ] as const) {
    const back = await readReportBytes(file, bytes);
    assertTablePlaces(back, file);
    const finding = runChecks(back).find((f) => f.rule === 'b-applicant-sum');
    const s = back.cells['b.granted.total']?.source;
    assert.equal(describeSource(finding?.source), `第${s?.table}个表格第${s?.row}行第${s?.cell}列`, file);
  }
});

test('GridColumns: columns count cells spanning columns and rows above', () => {
  const grid = new GridColumns();
  assert.deepEqual(
    grid.row([
      [1, 2],
      [2, 1],
      [1, 1],
    ]),
    [1, 2, 4],
  );
  assert.deepEqual(
    grid.row([
      [1, 1],
      [1, 1],
      [1, 1],
    ]),
    [2, 3, 4],
  );
  assert.deepEqual(grid.row([[1, 1]]), [1]);
});
