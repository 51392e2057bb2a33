import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellSpecs, FORMAT_2021 } from '../../format/index.ts';
import { withServer } from '../test-server.ts';

interface Cell {
  text?: string;
  key?: string;
  colSpan?: number;
  rowSpan?: number;
}

test('GET /api/format: each table laid out as the standard lays it out, every value cell once, with its label', () =>
  withServer(async (t) => {
    const reader = await t.as('reader', 'admin', null);
    const anonymous = await t.client().get('/api/format');
    assert.equal(anonymous.status, 401);
    const reply = await reader.get('/api/format');
    assert.equal(reply.status, 200);
    assert.deepEqual(
      reply.body.sections.map((s: { heading: string }) => s.heading),
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
    for (const table of reply.body.tables as {
      id: 'a' | 'b' | 'c';
      layout: { columns: number; head: Cell[][]; body: Cell[][] };
      cells: { key: string; label: string }[];
    }[]) {
      const keys = table.layout.body
        .flat()
        .filter((c) => c.key)
        .map((c) => c.key);
      assert.deepEqual(new Set(keys), new Set(cellSpecs(FORMAT_2021, table.id).map((s) => s.key)), `table ${table.id}: every cell once`);
      assert.equal(keys.length, new Set(keys).size);
      assert.equal(table.cells.length, keys.length);
      // Value cells carry no text of their own: the page fills them.
      assert.ok(table.layout.body.flat().every((c) => !(c.key && 'text' in c)));
    }
    const b = reply.body.tables.find((x: { id: string }) => x.id === 'b');
    assert.equal(b.layout.head[0][0].text, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    assert.ok(b.layout.body.flat().some((c: Cell) => c.text === '（三）不予公开' && c.rowSpan === 8));
    assert.equal(
      b.cells.find((c: { key: string }) => c.key === 'b.refused.third_party.natural').label,
      '表三「（三）4.保护第三方合法权益」「自然人」',
    );
  }));
