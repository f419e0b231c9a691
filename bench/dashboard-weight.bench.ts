/**
 * The leaders' dashboard's weight and first chart, measured in Debian's Chromium against the built
 * app (dist/web) served by the real server, its API answered by the page's own route handler
 * with generated data (a plan of 2,800 units, see browser.bench.ts):
 * - the JavaScript the dashboard page loads, raw and gzip (target ≤ 250 KB gzip): for its first
 *   screen (which shows no chart, so no ECharts), and for the whole page scrolled to its end, with
 *   what the server actually sent (brotli when the browser accepts it);
 * - the time from opening the page until its first chart (the phase timeline, scrolled to as
 *   soon as it is on the page) has drawn its canvas, median and p99 over fresh page loads.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { ROOT, killHard, startServer } from '../test/helpers/durability-server.ts'
import { mockApi } from './browser.bench.ts'

const DIST = join(ROOT, 'dist', 'web')
const RUNS = 9

/** In the page: true once the dashboard's 督办 list (its first screen's last part) is shown. */
const DEEP_SUPERVISION_LIST = `(() => {
  const deep = (root) => [...root.querySelectorAll('*')].some((el) =>
    el.localName === 'ls-supervision-list' || (el.shadowRoot && deep(el.shadowRoot)))
  return deep(document)
})()`

/**
 * In the page: scrolls the phase timeline into view as soon as it exists, and answers the
 * milliseconds since navigation once its canvas is drawn (0 until then).
 */
const FIRST_CHART = `(() => {
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'ls-phase-gates') return el
      const inner = el.shadowRoot && find(el.shadowRoot)
      if (inner) return inner
    }
    return null
  }
  const gates = find(document)
  const chart = gates?.shadowRoot?.querySelector('.chart')
  if (!chart) return 0
  if (!chart.dataset.scrolled) { chart.dataset.scrolled = '1'; chart.scrollIntoView() }
  return chart.querySelector('canvas') ? performance.now() : 0
})()`

/** The p-th percentile of sorted samples (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

/** Gzip size of a built file: its precompressed `.gz` when the build wrote one. */
function gzipBytes(file: string): number {
  return existsSync(`${file}.gz`)
    ? statSync(`${file}.gz`).size
    : gzipSync(readFileSync(file), { level: 9 }).length
}

export async function benchDashboardWeight(): Promise<string[]> {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  const server = await startServer({
    dataDir: mkdtempSync(join(tmpdir(), 'luoshi-bench-dashboard-')),
    env: { LUOSHI_DEMO: '0' },
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  try {
    const firstScreen = new Set<string>()
    const whole = new Set<string>()
    let sent = 0
    const samples: number[] = []
    for (let run = 0; run <= RUNS; run++) {
      // A fresh context each time: nothing cached, every script fetched again.
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
      const page = await context.newPage()
      await mockApi(page)
      const scripts = new Set<string>()
      const bytesSent: number[] = []
      page.on('response', (response) => {
        const path = new URL(response.url()).pathname
        if (!path.endsWith('.js')) return
        scripts.add(path)
        bytesSent.push(Number(response.headers()['content-length'] ?? 0))
      })
      if (run === 0) {
        // The first screen, then the whole page scrolled through to its end.
        await page.goto(`${server.baseUrl}/#/plans/plan-1`)
        await page.waitForFunction(DEEP_SUPERVISION_LIST, undefined, { timeout: 60_000 })
        await page.waitForLoadState('networkidle')
        for (const path of scripts) firstScreen.add(path)
        for (let y = 0; y < 20; y++) {
          await page.mouse.wheel(0, 700)
          await page.waitForTimeout(150)
        }
        await page.waitForLoadState('networkidle')
        for (const path of scripts) whole.add(path)
        sent = bytesSent.reduce((a, b) => a + b, 0)
        await context.close()
        continue
      }
      await page.goto(`${server.baseUrl}/#/plans/plan-1`, { waitUntil: 'domcontentloaded' })
      // Milliseconds since the navigation began, once the timeline's canvas is on the page.
      const drawn = await page.waitForFunction(FIRST_CHART, undefined, {
        polling: 'raf',
        timeout: 60_000,
      })
      samples.push((await drawn.jsonValue()) as number)
      await context.close()
    }
    const weigh = (paths: Set<string>) => {
      const files = [...paths].map((path) => join(DIST, path))
      return {
        files: files.length,
        raw: files.reduce((total, file) => total + statSync(file).size, 0),
        gzip: files.reduce((total, file) => total + gzipBytes(file), 0),
      }
    }
    const first = weigh(firstScreen)
    const all = weigh(whole)
    samples.sort((a, b) => a - b)
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`
    const budget = (bytes: number) => (bytes <= 250 * 1024 ? '✓ ≤ 250 KB' : '✗ target 250 KB')
    return [
      '',
      'Dashboard weight (Debian Chromium, built app, generated data: 2,800 units)',
      `first screen JavaScript, ${String(first.files).padStart(2)} files, raw / gzip  ${kb(first.raw)} ${kb(first.gzip)}   ${budget(first.gzip)}`,
      `whole page JavaScript, ${String(all.files).padStart(2)} files, raw / gzip    ${kb(all.raw)} ${kb(all.gzip)}   ${budget(all.gzip)}`,
      `  as the server sent it (brotli)                  ${kb(sent)}`,
      `first chart drawn after opening, median of ${RUNS}    ${percentile(samples, 50).toFixed(0).padStart(7)} ms`,
      `first chart drawn after opening, p99              ${percentile(samples, 99).toFixed(0).padStart(7)} ms`,
    ]
  } finally {
    await browser.close()
    await killHard(server)
  }
}

if (process.argv[1]?.endsWith('dashboard-weight.bench.ts')) {
  for (const line of await benchDashboardWeight()) console.log(line)
}
