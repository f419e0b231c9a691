/** Timing helpers for `npm run bench`: medians over repeated runs after a warm-up. */

export interface Timing {
  median: number
  p90: number
  runs: number
}

/** Runs `task` `runs` times after `warmup` runs and returns the median and p90 in ms. */
export function measure(task: () => void, { runs = 30, warmup = 5 } = {}): Timing {
  for (let i = 0; i < warmup; i++) task()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    task()
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(runs / 2)]!, p90: samples[Math.floor(runs * 0.9)]!, runs }
}

/** {@link measure} for asynchronous tasks: each run is awaited before the next starts. */
export async function measureAsync(
  task: () => void | Promise<void>,
  { runs = 30, warmup = 5 } = {},
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await task()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    await task()
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(runs / 2)]!, p90: samples[Math.floor(runs * 0.9)]!, runs }
}

/** One printed row: name, figures and whether the target holds. */
export function report(name: string, timing: Timing, targetMs?: number): string {
  const verdict =
    targetMs === undefined
      ? ''
      : timing.median <= targetMs
        ? `  ✓ ≤ ${targetMs} ms`
        : `  ✗ target ${targetMs} ms`
  return `${name.padEnd(48)} median ${timing.median.toFixed(2).padStart(8)} ms   p90 ${timing.p90.toFixed(2).padStart(8)} ms   (${timing.runs} runs)${verdict}`
}
