// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PlanMigration, PlanMigrationOptions } from '../../api-types.ts'
import type { LsPlanMigration } from './plan-migration.component.ts'
import './plan-migration.ts'

const OPTIONS: PlanMigrationOptions = {
  planRevision: 3,
  current: { id: 'v1', version: '1.0.0', note: null },
  versions: [
    { id: 'v2', version: '1.1.0', note: '考核评估提前', publishedAt: '2018-10-08T02:00:00Z' },
  ],
  mayGovern: true,
}

const TASK = {
  id: 't1',
  sourceId: 'step-assessment',
  title: '考核评估',
  unit: { id: 'county-reform-office', name: '县医改办' },
  period: 'once',
  role: 'lead',
  state: 'assigned',
  changes: ['deadline' as const],
  dueFrom: '2018-12-31',
  dueTo: '2018-12-20',
  why: '政策修订为 1.1.0：截止日由 2018-12-31 改为 2018-12-20',
}

function preview(dryRun: boolean): PlanMigration {
  const none = { removed: [], added: [] }
  return {
    dryRun,
    planRevision: dryRun ? 3 : 4,
    from: { id: 'v1', version: '1.0.0', note: null },
    to: { id: 'v2', version: '1.1.0', note: '考核评估提前' },
    unmatched: {
      responsibilities: {
        removed: [{ id: 'impl-price-policy', name: '完善医药价格政策' }],
        added: [],
      },
      phases: none,
      indicators: none,
      assessmentItems: none,
    },
    renamed: [],
    counts: {
      kept: 0,
      renamed: 0,
      deadline: 1,
      form: 0,
      flagged: 0,
      removed: 0,
      unitRemoved: 0,
      added: 0,
      unitAdded: 0,
      timers: 1,
    },
    byUnit: [{ unit: TASK.unit, tasks: [TASK] }],
    byChange: [{ kind: 'deadline', tasks: [TASK] }],
    schedules: [],
    phases: { added: [], changed: [] },
  }
}

function serve(options: PlanMigrationOptions) {
  const posts: unknown[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit = {}) => {
      if (init.method === 'POST') {
        const body = JSON.parse(String(init.body)) as { dryRun?: boolean }
        posts.push(body)
        return new Response(JSON.stringify(preview(body.dryRun === true)))
      }
      return new Response(JSON.stringify(options))
    }),
  )
  return posts
}

async function mount(): Promise<LsPlanMigration> {
  const element = document.createElement('ls-plan-migration')
  element.setAttribute('plan-id', 'plan-1')
  document.body.append(element)
  await vi.waitFor(() => expect(element.options).not.toBeNull())
  await element.updateComplete
  return element
}

const button = (element: LsPlanMigration, label: string) =>
  Array.from(element.shadowRoot!.querySelectorAll('button')).find(
    (candidate) => candidate.textContent?.trim() === label,
  )!

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

describe('ls-plan-migration', () => {
  it('offers nothing to a user who may not govern the plan', async () => {
    serve({ ...OPTIONS, mayGovern: false })
    const element = await mount()
    expect(element.shadowRoot!.querySelector('button')).toBeNull()
  })

  it('previews with the renames given, shows each task’s change by unit, then applies with the preview’s revision', async () => {
    const posts = serve(OPTIONS)
    const element = await mount()
    button(element, '修订计划').click()
    await element.updateComplete
    expect(element.shadowRoot!.textContent).toContain('考核评估提前')
    expect(button(element, '应用修订').disabled).toBe(true)
    button(element, '添加改名').click()
    await element.updateComplete
    const [from, to] = Array.from(element.shadowRoot!.querySelectorAll<HTMLInputElement>('input'))
    from!.value = 'impl-finance-subsidies'
    from!.dispatchEvent(new Event('input'))
    to!.value = 'impl-finance-subsidy-policy'
    to!.dispatchEvent(new Event('input'))
    button(element, '预览').click()
    await vi.waitFor(() => expect(element.preview).not.toBeNull())
    await element.updateComplete
    expect(posts[0]).toEqual({
      toVersion: '1.1.0',
      renames: { responsibilities: { 'impl-finance-subsidies': 'impl-finance-subsidy-policy' } },
      dryRun: true,
    })
    const table = element.shadowRoot!.querySelector('table.by-unit')!
    expect(table.textContent).toContain('县医改办')
    expect(table.textContent).toContain('2018-12-31 → 2018-12-20')
    expect(element.shadowRoot!.querySelector('.unmatched')!.textContent).toContain(
      '完善医药价格政策（impl-price-policy）',
    )
    const migrated = vi.fn()
    element.addEventListener('ls-plan-migrate', migrated)
    button(element, '应用修订').click()
    await vi.waitFor(() => expect(element.applied).not.toBeNull())
    expect(posts[1]).toMatchObject({ toVersion: '1.1.0', planRevision: 3 })
    expect(migrated).toHaveBeenCalledOnce()
    await element.updateComplete
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent).toContain(
      '已修订：计划现按 1.1.0 版运行。',
    )
  })
})
