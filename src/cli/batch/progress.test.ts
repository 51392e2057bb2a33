import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Progress } from './progress.ts';

function log() {
  const lines: string[] = [];
  return { lines, stream: { isTTY: false, write: (t: string) => lines.push(t) } as unknown as NodeJS.WriteStream };
}

test('progress: on a log, no line for a quick run; then at most one line every five seconds', () => {
  let now = 0;
  const quick = log();
  const p = new Progress(2, quick.stream, () => now);
  p.tick();
  p.tick();
  assert.deepEqual(quick.lines, []);
  const slow = log();
  const q = new Progress(100, slow.stream, () => now);
  for (let i = 0; i < 100; i++) {
    now += 1000;
    q.tick();
  }
  assert.equal(slow.lines.length, 19);
  assert.equal(slow.lines[0], '进度：5/100（5%）\n');
});
