/**
 * 三色预警 throughput: the light of 1,000,000 tasks with dates spread over Pingnan's two years,
 * on the mainland calendar with 调休, a third of them with a last reported percent (so 序时进度 is
 * worked out). The light is computed as tasks are read — never stored and repainted each day —
 * so what a request pays is the page it returns: the second line is one inbox page of 500 rows.
 */
import { addDays, WorkingDayCalendar } from '../domain/deadlines/index.ts'
import { DEFAULT_LIGHTS, taskLight } from '../domain/supervision/index.ts'
import type { LightFacts } from '../domain/supervision/index.ts'

const TASKS = 1_000_000
const PAGE = 500
const STANDINGS: LightFacts['standing'][] = [
  'owing',
  'owing',
  'owing',
  'returned',
  'handed-in',
  'done',
]

function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function tasks(count: number): LightFacts[] {
  const next = random(7)
  return Array.from({ length: count }, () => {
    const opensOn = addDays('2018-04-01', Math.floor(next() * 600))
    const dueOn = addDays(opensOn, 10 + Math.floor(next() * 240))
    return {
      today: addDays(opensOn, Math.floor(next() * 300)),
      opensOn,
      dueOn,
      standing: STANDINGS[Math.floor(next() * STANDINGS.length)]!,
      percent: next() < 0.33 ? Math.floor(next() * 101) : null,
      redCleared: next() < 0.02,
    }
  })
}

function time(run: () => void, runs: number): { median: number; p99: number } {
  run()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    run()
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  samples.sort((a, b) => a - b)
  return {
    median: samples[Math.floor(runs / 2)]!,
    p99: samples[Math.min(runs - 1, Math.floor(runs * 0.99))]!,
  }
}

export function benchTaskLight(): string[] {
  const calendar = WorkingDayCalendar.mainland()
  const all = tasks(TASKS)
  let sink = 0
  const colour = (facts: LightFacts) => {
    if (taskLight(facts, calendar, DEFAULT_LIGHTS) === 'red') sink++
  }
  const million = time(() => all.forEach(colour), 7)
  const page = all.slice(0, PAGE)
  const onePage = time(() => page.forEach(colour), 200)
  const line = (name: string, t: { median: number; p99: number }, runs: number) =>
    `${name.padEnd(48)} median ${t.median.toFixed(2).padStart(8)} ms   p99 ${t.p99.toFixed(2).padStart(8)} ms   (${runs} runs)`
  return [
    line(`task light, ${TASKS.toLocaleString('en')} tasks`, million, 7),
    line(`task light, one inbox page of ${PAGE} rows`, onePage, 200) + (sink < 0 ? '' : ''),
  ]
}
