// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { InView } from '../../chart-in-view.fixture.ts'
import type { PlanProgress } from '../../api-types.ts'
import type { LsUnitProgress } from './unit-progress.component.ts'
import './unit-progress.ts'

const drawn = vi.hoisted(() => ({ units: [] as unknown[], select: (_index: number) => {} }))
vi.mock('./unit-progress.chart.ts', () => ({
  createUnitChart: (element: HTMLElement, onSelect: (index: number) => void) => {
    drawn.select = onSelect
    return { setOption: vi.fn(), dispose: vi.fn(), resize: vi.fn(), getDom: () => element }
  },
  unitOption: (units: unknown[]) => {
    drawn.units = units
    return {}
  },
}))

type Unit = PlanProgress['units'][number]

const UNITS: Unit[] = Array.from({ length: 2800 }, (_, i) => ({
  id: `unit-${i}`,
  name: `第${i + 1}卫生院`,
  total: 20,
  approved: 5,
  overdue: Math.max(0, 10 - Math.floor(i / 100)),
  closed: 0,
  lights: { green: 5, blue: 3, yellow: 2, red: 10 },
  supervised: 0,
  percent: 0,
  onTimeRate: null,
}))

async function mount(): Promise<LsUnitProgress> {
  const element = document.createElement('ls-unit-progress')
  element.units = UNITS
  document.body.append(element)
  await element.updateComplete
  return element
}

beforeEach(() => vi.stubGlobal('IntersectionObserver', InView))

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
  drawn.units = []
})

describe('ls-unit-progress', () => {
  it('charts the 30 most overdue units and pages the table of 2,800', async () => {
    const element = await mount()
    await vi.waitFor(() => expect(drawn.units).toHaveLength(30))
    expect(element.shadowRoot!.querySelector('.chart-title')!.textContent).toContain(
      '逾期最多的 30 个单位',
    )
    const rows = element.shadowRoot!.querySelectorAll('tbody tr')
    expect(rows).toHaveLength(20)
    expect(Array.from(rows[0]!.querySelectorAll('td')).map((td) => td.textContent)).toEqual([
      '20',
      '5',
      '10',
      '25%',
      '绿灯5蓝灯3黄灯2红灯10',
    ])
    expect(element.shadowRoot!.querySelector('.pager span')?.textContent).toBe(
      '第 1 / 140 页，共 2800 个',
    )
    const next = Array.from(element.shadowRoot!.querySelectorAll('.pager button')).find(
      (b) => b.textContent === '下一页',
    ) as HTMLButtonElement
    next.click()
    await element.updateComplete
    expect(element.shadowRoot!.querySelector('tbody th')?.textContent).toBe('第21卫生院')
  })

  it('charts only units with overdue tasks, and titles the chart by what it shows', async () => {
    const units: Unit[] = [
      {
        id: 'a',
        name: '东坡区医共体',
        total: 10,
        approved: 2,
        overdue: 3,
        closed: 0,
        lights: { green: 0, blue: 0, yellow: 0, red: 0 },
        supervised: 0,
        percent: 0,
        onTimeRate: null,
      },
      {
        id: 'b',
        name: '仁寿县医共体',
        total: 10,
        approved: 4,
        overdue: 1,
        closed: 0,
        lights: { green: 0, blue: 0, yellow: 0, red: 0 },
        supervised: 0,
        percent: 0,
        onTimeRate: null,
      },
      {
        id: 'c',
        name: '青神县医共体',
        total: 10,
        approved: 10,
        overdue: 0,
        closed: 0,
        lights: { green: 0, blue: 0, yellow: 0, red: 0 },
        supervised: 0,
        percent: 0,
        onTimeRate: null,
      },
    ]
    const element = document.createElement('ls-unit-progress')
    element.units = units
    document.body.append(element)
    await element.updateComplete
    await vi.waitFor(() => expect(drawn.units.map((unit) => (unit as Unit).id)).toEqual(['a', 'b']))
    expect(element.shadowRoot!.querySelector('.chart-title')!.textContent).toContain(
      '有逾期任务的 2 个单位',
    )
    expect(element.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(3)
    element.units = units.map((unit) => ({ ...unit, overdue: 0 }))
    await element.updateComplete
    expect(element.shadowRoot!.querySelector('.chart-title')!.textContent).toContain(
      '各单位均无逾期任务',
    )
    expect(element.shadowRoot!.querySelector('.chart')).toBeNull()
  })

  it('finds units by name and announces the one chosen, from the table or the chart', async () => {
    const element = await mount()
    const chosen = vi.fn()
    element.addEventListener('ls-unit-select', (event) => chosen(event.detail))
    const search = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!
    search.value = '第280'
    search.dispatchEvent(new InputEvent('input'))
    await element.updateComplete
    const names = Array.from(element.shadowRoot!.querySelectorAll('tbody th')).map(
      (th) => th.textContent,
    )
    expect(names).toEqual(['第280卫生院', '第2800卫生院'])
    element.shadowRoot!.querySelector<HTMLButtonElement>('tbody th button')!.click()
    expect(chosen).toHaveBeenLastCalledWith({ id: 'unit-279', name: '第280卫生院' })
    await vi.waitFor(() => expect(drawn.units).toHaveLength(30))
    drawn.select(2)
    expect(chosen).toHaveBeenLastCalledWith({ id: 'unit-2', name: '第3卫生院' })
  })
})
