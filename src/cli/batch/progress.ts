import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';

/** How often a log (not a terminal) gets a progress line. */
const LINE_EVERY_MS = 5000;

/**
 * Progress of a batch on stderr: a bar on a terminal; on a log (CI, a file), a plain line at
 * most every five seconds, so a short run writes none.
 */
export class Progress {
  private readonly bar?: SingleBar;
  private done = 0;
  private lastLine = Date.now();

  constructor(
    private readonly total: number,
    private readonly err: NodeJS.WriteStream,
    private readonly now: () => number = Date.now,
  ) {
    this.lastLine = now();
    if (total < 2) return;
    if (err.isTTY) {
      // cli-progress only where a bar is drawn.
      const { SingleBar: Bar } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
      this.bar = new Bar({
        format: '进度 [{bar}] {percentage}% | {value}/{total} 份 | 剩余约 {eta_formatted}',
        hideCursor: true,
        stream: err,
        clearOnComplete: true,
      });
      this.bar.start(total, 0);
    }
  }

  tick(): void {
    this.done++;
    if (this.bar) this.bar.increment();
    else if (this.total >= 2 && this.done < this.total && this.now() - this.lastLine >= LINE_EVERY_MS) {
      this.lastLine = this.now();
      this.err.write(`进度：${this.done}/${this.total}（${Math.floor((this.done * 100) / this.total)}%）\n`);
    }
  }

  stop(): void {
    this.bar?.stop();
  }
}
