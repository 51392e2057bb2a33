// The vocabulary the UI builds its forms from: table 三's outcomes with their groups.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vocabularyRoutes } from './vocabulary.ts';

test('each outcome names its table 三 group; 予以公开 and 部分公开 are groups by themselves', async () => {
  const body = (await (await vocabularyRoutes().request('/')).json()) as { outcomes: { key: string; label: string; group: string }[] };
  const group = (key: string) => body.outcomes.find((o) => o.key === key)?.group;
  assert.equal(body.outcomes.length, 21);
  assert.equal(group('granted'), '（一）予以公开');
  assert.equal(group('partial'), '（二）部分公开');
  assert.equal(group('refused.third_party'), '（三）不予公开');
  assert.equal(group('unable.not_held'), '（四）无法提供');
  assert.equal(group('rejected.duplicate'), '（五）不予处理');
  assert.equal(group('other.fee_unpaid'), '（六）其他处理');
  // Groups come in the table's order: the UI lists them as they appear.
  const order = [...new Set(body.outcomes.map((o) => o.group))];
  assert.deepEqual(order, ['（一）予以公开', '（二）部分公开', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
});
