/**
 * Browser budgets, measured in Debian's Chromium against the built app (dist/web):
 * - initial JavaScript, gzip (target ≤ 150 KB; the editor and the charts load lazily);
 * - an inbox of 500 tasks rendered (target ≤ 200 ms);
 * - the dashboard of a plan with 2,800 units rendered (target ≤ 500 ms).
 * The API is answered by the page's own route handler with generated data, so the figures are
 * the front end's alone.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import type { Page } from 'playwright-core'
import { ROOT, killHard, startServer } from '../test/helpers/durability-server.ts'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'

const DIST = join(ROOT, 'dist', 'web')

/** Gzipped size of the scripts index.html loads before any page is shown. */
export function initialJsGzip(): { bytes: number; files: string[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (match) => match[1]!,
  )
  const bytes = files.reduce(
    (total, file) => total + gzipSync(readFileSync(join(DIST, file))).length,
    0,
  )
  return { bytes, files }
}

const task = (i: number) => ({
  id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
  planId: 'plan-1',
  sourceId: `duty-${i % 100}`,
  kind: 'responsibility',
  title: `第${i}项改革任务：完善医联体分工协作机制`,
  assignee: { id: `unit-${i % 40}`, name: `第${i % 40}卫生院` },
  role: i % 3 ? 'lead' : 'support',
  period: i % 4 ? 'once' : '2019-Q2',
  phaseId: 'carry-out',
  state: ['assigned', 'in_progress', 'submitted', 'returned', 'approved'][i % 5],
  version: 1,
  opensOn: '2019-01-01',
  dueOn: `2019-${String((i % 12) + 1).padStart(2, '0')}-15`,
  duePhrase: '2019年6月下旬',
  overdue: i % 7 === 0,
  dueSoon: i % 7 === 1,
  light: i % 7 === 0 ? 'red' : i % 7 === 1 ? 'yellow' : i % 5 === 0 ? 'blue' : 'green',
  escalation: i % 5,
})

const phases = [
  '制定方案',
  '组织实施',
  '开展工作',
  '督导检查',
  '考核评估',
  '第一阶段总结',
  '第二阶段总结',
].map((name, i) => ({
  id: `phase-${i}`,
  name,
  opensOn: `2019-${String(i + 1).padStart(2, '0')}-01`,
  closesOn: `2019-${String(i + 2).padStart(2, '0')}-28`,
  status: i < 3 ? 'closed' : i === 3 ? 'open' : 'pending',
  late: i === 3,
  standing: i < 3 ? 'met' : i === 3 ? 'late' : i === 4 ? 'open' : 'pending',
  percent: i < 3 ? 100 : 32,
  tasks: { total: 2800, approved: i < 3 ? 2800 : 900, closed: 0 },
  gate: {
    windowEnded: i < 4,
    openTasks: i < 3 ? 0 : 1900,
    signOffRequired: i === 3 ? 'leadership-group' : null,
    signedOff: false,
    milestonesPending: [],
    holds: i < 3,
    signOffBody: null,
    milestones: [],
  },
}))

export async function mockApi(page: Page): Promise<void> {
  const user = {
    id: 'u1',
    username: 'bench',
    displayName: '性能测试',
    roles: ['leader', 'department'],
    units: { 'policy-1': ['leadership-group'] },
    regionId: null,
    mustChangePassword: false,
  }
  await page.route('**/api/**', async (route) => {
    const url = new URL(route.request().url())
    const json = (body: unknown) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) })
    if (url.pathname === '/api/auth/session') return json({ user, csrfToken: 'x', assessing: [] })
    if (url.pathname === '/api/plans')
      return json({
        plans: [
          {
            id: 'plan-1',
            policy_version_id: 'v1',
            policy_id: 'policy-1',
            name: '示范省基层改革计划',
            status: 'running',
            extra_units: '{}',
            started_at: '2019-01-01T00:00:00Z',
            started_by: 'x',
            suspended_at: null,
            closed_at: null,
            closed_by: null,
            close_reason: null,
            archived_at: null,
            archived_by: null,
            revision: 0,
            shift_years: 0,
          },
        ],
      })
    if (url.pathname === '/api/tasks')
      return json({
        counts: {
          total: 500,
          overdue: 72,
          dueSoon: 30,
          escalated: 200,
          byState: { assigned: 100 },
          byLight: { green: 300, blue: 60, yellow: 68, red: 72 },
        },
        tasks:
          url.searchParams.get('scope') === 'all'
            ? []
            : Array.from({ length: 500 }, (_, i) => task(i)),
      })
    if (url.pathname.endsWith('/progress')) {
      return json({
        plan: {
          id: 'plan-1',
          name: '示范省基层改革计划',
          policyId: 'policy-1',
          startedAt: '2019-01-01T00:00:00Z',
          status: 'running',
        },
        today: '2019-05-10',
        summary: {
          total: 19_600,
          approved: 11_100,
          closed: 0,
          percent: 56,
          overdue: 4200,
          unphased: { total: 0, approved: 0, closed: 0, percent: 0 },
          lights: { green: 200_000, blue: 30_000, yellow: 20_000, red: 30_000 },
        },
        phases,
        parts: [],
        units: Array.from({ length: 2800 }, (_, i) => ({
          id: `unit-${i}`,
          name: `第${i}号基层医疗卫生机构`,
          total: 100,
          approved: (i * 7) % 100,
          overdue: (i * 13) % 30,
          closed: 0,
          supervised: i % 5,
          percent: (i * 7) % 100,
          onTimeRate: (i * 11) % 100,
          lights: { green: 60, blue: 10, yellow: (i * 3) % 10, red: (i * 13) % 30 },
        })),
        escalations: { remind: 300, urge: 200, supervise: 120, circulate: 40, supervised: 160 },
        unassigned: { groups: [], duties: [] },
      })
    }
    if (url.pathname.endsWith('/escalations'))
      return json({
        supervise: Array.from({ length: 50 }, (_, i) => task(i)),
        circulate: [],
        urgeable: [],
      })
    return json({})
  })
}

/** Milliseconds from the route change until `done` holds in the page (median of runs after a warm-up). */
async function timeRoute(
  page: Page,
  hash: string,
  away: string,
  done: string,
  runs = 5,
): Promise<number> {
  const samples: number[] = []
  for (let run = 0; run <= runs; run++) {
    await page.evaluate(`window.location.hash = ${JSON.stringify(away)}`)
    await page.waitForTimeout(150)
    // A string, not a function: a transform of this file could add helpers the page does not have.
    const [selector, count] = done.split('|')
    const ms = await page.evaluate<number>(`(async () => {
      // "host::rows": rows inside the shadow root of every <host>, however deeply nested.
      const hosts = (root, tag) => [...root.querySelectorAll('*')].flatMap((el) => [
        ...(el.localName === tag ? [el] : []), ...(el.shadowRoot ? hosts(el.shadowRoot, tag) : []),
      ])
      const deep = (root, selector) => {
        const [tag, rows] = selector.split('::')
        return hosts(root, tag).reduce((n, host) => n + (host.shadowRoot ? host.shadowRoot.querySelectorAll(rows).length : 0), 0)
      }
      const start = performance.now()
      window.location.hash = ${JSON.stringify(hash)}
      // Given up after 20 s, so a page that never renders fails the run instead of hanging it.
      await new Promise((resolve, reject) => {
        const poll = () =>
          deep(document, ${JSON.stringify(selector)}) >= ${Number(count)} ? resolve()
            : performance.now() - start > 20000 ? reject(new Error('${selector} did not render ${count} rows in 20 s'))
            : requestAnimationFrame(poll)
        poll()
      })
      // One more frame: the rows are laid out and painted.
      await new Promise((resolve) => requestAnimationFrame(() => resolve()))
      return performance.now() - start
    })()`)
    if (run > 0) samples.push(ms)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]!
}

export async function benchBrowser(): Promise<string[]> {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  const initial = initialJsGzip()
  const server = await startServer({
    dataDir: mkdtempSync(join(tmpdir(), 'luoshi-bench-web-')),
    env: { LUOSHI_DEMO: '0' },
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    // What the page throws is printed: a bench that waits on a page that broke says why.
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`))
    await mockApi(page)
    await page.goto(`${server.baseUrl}/#/author-not-a-page`)
    const inbox = await timeRoute(page, '#/inbox', '#/nowhere', 'ls-task-table::tbody tr|500')
    const dashboard = await timeRoute(
      page,
      '#/plans/plan-1',
      '#/nowhere',
      'ls-unit-progress::tbody tr|20',
    )
    const kb = initial.bytes / 1024
    return [
      '',
      'Web budgets (Debian Chromium, built app, generated data)',
      `initial JavaScript (${initial.files.length} file, gzip)             ${kb.toFixed(1).padStart(7)} KB   ${kb <= 150 ? '✓ ≤ 150 KB' : '✗ target 150 KB'}`,
      `inbox of 500 tasks rendered                       ${inbox.toFixed(0).padStart(7)} ms   ${inbox <= 200 ? '✓ ≤ 200 ms' : '✗ target 200 ms'}`,
      `dashboard of a plan with 2,800 units rendered     ${dashboard.toFixed(0).padStart(7)} ms   ${dashboard <= 500 ? '✓ ≤ 500 ms' : '✗ target 500 ms'}`,
    ]
  } finally {
    await browser.close()
    await killHard(server)
  }
}

if (process.argv[1]?.endsWith('browser.bench.ts')) {
  for (const line of await benchBrowser()) console.log(line)
}
