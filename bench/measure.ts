/** Timing helpers for the benchmark script: figures are printed, never asserted. */
export interface Timing {
  count: number;
  totalMs: number;
  medianMs: number;
  p95Ms: number;
  perSecond: number;
}

/** Runs `work` on every input `rounds` times and summarises the per-call times. */
export function timeEach<T>(inputs: readonly T[], rounds: number, work: (input: T) => void): Timing {
  const times: number[] = [];
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t0 = performance.now();
      work(input);
      times.push(performance.now() - t0);
    }
  }
  return summarise(times, performance.now() - start);
}

/** Like timeEach, for asynchronous work (awaited one call at a time). */
export async function timeAsync<T>(inputs: readonly T[], rounds: number, work: (input: T) => Promise<unknown>): Promise<Timing> {
  const times: number[] = [];
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t0 = performance.now();
      await work(input);
      times.push(performance.now() - t0);
    }
  }
  return summarise(times, performance.now() - start);
}

function summarise(times: number[], totalMs: number): Timing {
  times.sort((a, b) => a - b);
  return {
    count: times.length,
    totalMs,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    p95Ms: times[Math.floor(times.length * 0.95)] ?? 0,
    perSecond: (times.length / totalMs) * 1000,
  };
}

/** Peak resident memory of this process so far, in MB. */
export function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** One line of figures. */
export function report(label: string, t: Timing): void {
  console.log(
    `${label.padEnd(44)} ${String(t.count).padStart(6)} 份  中位 ${t.medianMs.toFixed(3)} ms  P95 ${t.p95Ms.toFixed(3)} ms  ${Math.round(t.perSecond)} 份/秒  峰值内存 ${peakMb()} MB`,
  );
}
