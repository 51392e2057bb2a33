import { SingleBar } from 'cli-progress';

/** Progress of a batch: a bar on a terminal, plain lines otherwise (logs, CI), on stderr. */
export class Progress {
  private readonly bar?: SingleBar;
  private done = 0;
  private lastLine = 0;

  constructor(
    private readonly total: number,
    private readonly err: NodeJS.WriteStream,
  ) {
    if (total < 2) return;
    if (err.isTTY) {
      this.bar = new SingleBar({
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
    else if (this.total >= 2 && (Date.now() - this.lastLine > 2000 || this.done === this.total)) {
      this.lastLine = Date.now();
      this.err.write(`进度：${this.done}/${this.total}（${Math.floor((this.done * 100) / this.total)}%）\n`);
    }
  }

  stop(): void {
    this.bar?.stop();
  }
}
