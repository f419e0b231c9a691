// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LsIndicatorTrends } from './indicator-trends.component.ts'
import { buildIndicator, buildPoint, buildTrends } from './indicator-trends.fixtures.ts'
import './indicator-trends.ts'

const drawn = vi.hoisted(() => ({
  created: [] as HTMLElement[],
  options: [] as unknown[],
  disposed: 0,
}))
vi.mock('./indicator-trends.chart.ts', () => ({
  createTrendChart: (element: HTMLElement) => {
    drawn.created.push(element)
    return {
      setOption: (option: unknown) => drawn.options.push(option),
      dispose: () => drawn.disposed++,
      resize: vi.fn(),
    }
  },
  trendOption: (indicator: { id: string }, kind: string) => ({ id: indicator.id, kind }),
}))

/** Cards become visible only when the test says so, as when scrolling. */
const visibility = vi.hoisted(() => ({
  observed: new Set<Element>(),
  callback: (_entries: unknown[]) => {},
}))
class FakeIntersectionObserver {
  constructor(callback: (entries: unknown[]) => void) {
    visibility.callback = callback
  }
  observe(element: Element) {
    visibility.observed.add(element)
  }
  unobserve(element: Element) {
    visibility.observed.delete(element)
  }
  disconnect() {
    visibility.observed.clear()
  }
}
const show = (elements: Element[]) =>
  visibility.callback(elements.map((target) => ({ target, isIntersecting: true })))

const SATISFACTION = buildIndicator({
  id: 'public-satisfaction',
  name: '群众满意度',
  category: '考核指标',
  targets: [],
  series: [buildPoint(2020, null, null, 'missing'), buildPoint(2021, null, null, 'missing')],
})
const COST = buildIndicator({
  id: 'average-cost-growth',
  name: '次均费用增长率',
  category: '考核指标',
  direction: 'lower-is-better',
  series: [
    buildPoint(2020, '3.9', null, 'no-target'),
    buildPoint(2021, '6.2', '5', 'not-met', '1.2'),
  ],
})

function serve(canImport: boolean) {
  const requests: URL[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      const url = new URL(path, 'http://luoshi.test')
      requests.push(url)
      if (url.pathname.endsWith('/indicator-values/inputs')) {
        return new Response(
          JSON.stringify({
            inputs: [{ id: 'county_visits' }],
            units: canImport ? [{ id: 'dongpo-mc', name: '东坡区医共体' }] : [],
          }),
        )
      }
      const scope = url.searchParams.get('scope')
      const body =
        scope === 'dongpo-mc'
          ? buildTrends({ id: 'dongpo-mc', name: '东坡区医共体', kind: 'unit' }, [
              buildIndicator({ series: [buildPoint(2020, '91.35', '88', 'met', '0')] }),
              SATISFACTION,
              COST,
            ])
          : buildTrends({ id: 'region', name: '眉山市', kind: 'region', members: 2 }, [
              buildIndicator(),
              SATISFACTION,
              COST,
            ])
      return new Response(JSON.stringify(body))
    }),
  )
  return requests
}

async function mount(): Promise<LsIndicatorTrends> {
  const element = document.createElement('ls-indicator-trends')
  element.planId = 'plan-1'
  document.body.append(element)
  await vi.waitFor(() => expect(element.data).not.toBeNull())
  await element.updateComplete
  return element
}

beforeEach(() => vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver))

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
  drawn.created = []
  drawn.options = []
  drawn.disposed = 0
})

describe('ls-indicator-trends', () => {
  it('shows the region first: indicators by category, direction, and a table with 未填报 for missing years', async () => {
    const requests = serve(false)
    const root = (await mount()).shadowRoot!
    expect(requests[0]!.searchParams.get('scope')).toBe('region')
    expect(Array.from(root.querySelectorAll('h4')).map((h) => h.textContent)).toEqual([
      '工作目标',
      '考核指标',
    ])
    expect(root.querySelector('.tally')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '眉山市：3 项指标（按最新年度）：达标 1 项，未达标 1 项，无目标 0 项，未填报 1 项 · 由 2 个单位汇总',
    )
    const card = root.querySelector('[data-indicator="county-visit-rate"]')!
    expect(card.querySelector('.direction')?.textContent).toBe('↑ 越高越好')
    expect(
      root.querySelector('[data-indicator="average-cost-growth"] .direction')?.textContent,
    ).toBe('↓ 越低越好')
    const rows = Array.from(card.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.children).map((cell) => cell.textContent),
    )
    expect(rows).toEqual([
      ['实际值', '87.5%', '91.08%', '未填报'],
      ['目标', '≥ 88%', '≥ 90%', '≥ 90%'],
      ['状态', '未达标（差距 0.5%）', '达标', '未填报'],
    ])
    expect(card.querySelector('.badge')?.textContent).toBe('2021 达标')
    // Nothing reported in any year and no target would be a chart of nothing: the table says so.
    expect(root.querySelector('[data-indicator="public-satisfaction"] .chart')).toBeNull()
    expect(root.querySelector('[data-indicator="public-satisfaction"] .empty')?.textContent).toBe(
      '各年度均未填报，暂无图表',
    )
    expect(root.querySelector('a.import')).toBeNull()
  })

  it('says under a region figure built from only some members that it is partial, and counts those', async () => {
    const partial = {
      ...buildPoint(2021, '89.94', '90', 'not-met', '0.06'),
      reporting: 1,
      partial: true,
    }
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify(
              buildTrends({ id: 'region', name: '眉山市', kind: 'region', members: 6 }, [
                buildIndicator({
                  series: [buildPoint(2020, '87.5', '88', 'not-met', '0.5'), partial],
                }),
              ]),
            ),
          ),
      ),
    )
    const root = (await mount()).shadowRoot!
    const card = root.querySelector('[data-indicator="county-visit-rate"]')!
    expect(card.querySelector('tbody tr')!.children[2]!.textContent).toBe(
      '89.94%仅 1/6 个单位已填报',
    )
    expect(card.querySelector('.badge')?.textContent).toBe('2021 未达标*')
    expect(root.querySelector('.tally')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '眉山市：1 项指标（按最新年度）：达标 0 项，未达标 1 项，无目标 0 项，未填报 0 项；其中 1 项仅部分单位已填报 · 由 6 个单位汇总',
    )
  })

  it('draws a chart only when its card comes into view, and disposes them when removed', async () => {
    serve(true)
    const element = await mount()
    const charts = Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>('.chart'))
    expect(charts).toHaveLength(2)
    expect(visibility.observed.size).toBe(2)
    expect(drawn.created).toHaveLength(0)
    show([charts[0]!])
    await vi.waitFor(() => expect(drawn.created).toEqual([charts[0]]))
    expect(drawn.options).toEqual([{ id: 'county-visit-rate', kind: 'region' }])
    element.remove()
    expect(drawn.disposed).toBe(1)
  })

  it('switches scope, redrawing the charts already shown with the unit’s figures', async () => {
    const requests = serve(true)
    const element = await mount()
    const root = element.shadowRoot!
    expect(root.querySelector('a.import')?.getAttribute('href')).toBe(
      '#/plans/plan-1/indicators/import',
    )
    show([root.querySelector('.chart')!])
    await vi.waitFor(() => expect(drawn.options).toHaveLength(1))
    const select = root.querySelector('select')!
    expect(Array.from(select.querySelectorAll('optgroup')).map((group) => group.label)).toEqual([
      '单位组',
      '单位',
    ])
    select.value = 'dongpo-mc'
    select.dispatchEvent(new Event('change'))
    await vi.waitFor(() => expect(element.data?.scope.id).toBe('dongpo-mc'))
    await element.updateComplete
    expect(requests.at(-1)!.searchParams.get('scope')).toBe('dongpo-mc')
    await vi.waitFor(() =>
      expect(drawn.options.at(-1)).toEqual({ id: 'county-visit-rate', kind: 'unit' }),
    )
    expect(drawn.created).toHaveLength(1)
    expect(root.querySelector('[data-indicator="county-visit-rate"] tbody td')?.textContent).toBe(
      '91.35%',
    )
    expect(root.querySelector('.tally')?.textContent).not.toContain('汇总')
  })

  it('lets the figures wrap inside the card rather than run out of it', async () => {
    serve(false)
    const element = await mount()
    const cell = element.shadowRoot!.querySelector('.figures tbody td')!
    const css = (element.constructor as unknown as { styles: { cssText: string } }).styles.cssText
    const rules = Array.from(css.matchAll(/([^{}]+)\{([^}]*)\}/g), ([, selector, body]) => ({
      selector: selector!.replace(/\/\*[\s\S]*?\*\//g, '').trim(),
      body: body!,
    }))
    const whiteSpace = rules
      .filter((rule) => cell.matches(rule.selector) && /white-space/.test(rule.body))
      .map((rule) => /white-space:\s*([\w-]+)/.exec(rule.body)![1])
    expect(whiteSpace.at(-1)).toBe('normal')
  })

  it('says so when the plan has no indicators', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({}))),
    )
    const element = document.createElement('ls-indicator-trends')
    element.planId = 'plan-1'
    document.body.append(element)
    await vi.waitFor(() => expect(element.shadowRoot!.textContent).toContain('该计划未设定指标'))
  })
})
