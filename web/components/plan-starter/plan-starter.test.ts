// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LsPlanStarter } from './plan-starter.component.ts'
import './plan-starter.ts'

/** A version whose group `hospitals` lists no members, with one unit outside the region. */
const CONFIG = {
  organizations: {
    units: [
      { id: 'health-bureau', name: '县卫健局', kind: 'department' },
      { id: 'people-hospital', name: '县人民医院', kind: 'hospital' },
      { id: 'city-commission', name: '市卫健委', kind: 'department', external: true },
    ],
    groups: [
      { id: 'hospitals', name: '县级医院', kind: 'unit-set', memberSelection: '文件未列名单' },
      { id: 'bureaus', name: '县直部门', kind: 'unit-set', members: ['health-bureau'] },
    ],
  },
}

/** Answers the version read and the plan start; returns the bodies the starter posted. */
function serve(): unknown[] {
  const posted: unknown[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      if (init.method === 'POST') {
        posted.push(JSON.parse(String(init.body)))
        return Response.json(
          { plan: { id: 'p1' }, tasks: 3, unassigned: [], timers: 0 },
          { status: 201 },
        )
      }
      expect(path).toBe('/api/policies/county-plan/versions/1.0.0')
      return Response.json({ config: CONFIG })
    }),
  )
  return posted
}

async function mount(): Promise<LsPlanStarter> {
  const starter = document.createElement('ls-plan-starter')
  starter.policyId = 'county-plan'
  starter.version = '1.0.0'
  document.body.append(starter)
  await vi.waitFor(() =>
    expect(starter.shadowRoot?.querySelector('fieldset[data-group]')).not.toBeNull(),
  )
  return starter
}

afterEach(() => {
  document.body.replaceChildren()
  vi.unstubAllGlobals()
})

describe('ls-plan-starter', () => {
  it('offers the units of the config for each group the document leaves open', async () => {
    serve()
    const root = (await mount()).shadowRoot!
    const groups = [...root.querySelectorAll('fieldset[data-group]')]
    expect(groups.map((group) => group.getAttribute('data-group'))).toEqual(['hospitals'])
    expect(groups[0]!.querySelector('legend')!.textContent).toBe('「县级医院」的成员')
    const choices = [...groups[0]!.querySelectorAll('label.choice')].map(
      (label) => label.textContent,
    )
    expect(choices).toEqual(['县卫健局', '县人民医院'])
  })

  it('starts the plan with the ticked units joined with the new ones of the JSON', async () => {
    const posted = serve()
    const starter = await mount()
    const root = starter.shadowRoot!
    root.querySelector<HTMLInputElement>('input[value=people-hospital]')!.checked = true
    root.querySelector<HTMLTextAreaElement>('textarea[name=members]')!.value = JSON.stringify({
      hospitals: [
        { id: 'people-hospital', name: '县人民医院' },
        { id: 'town-clinic', name: '城关镇卫生院' },
      ],
    })
    const started = vi.fn()
    starter.addEventListener('ls-plan-start', started)
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() => expect(started).toHaveBeenCalledOnce())
    expect(posted).toEqual([
      {
        policyId: 'county-plan',
        version: '1.0.0',
        members: {
          hospitals: [
            { id: 'people-hospital', name: '县人民医院' },
            { id: 'town-clinic', name: '城关镇卫生院' },
          ],
        },
      },
    ])
  })

  it('sends no members when nothing is ticked or typed', async () => {
    const posted = serve()
    const starter = await mount()
    const started = vi.fn()
    starter.addEventListener('ls-plan-start', started)
    starter
      .shadowRoot!.querySelector('form')!
      .dispatchEvent(new Event('submit', { cancelable: true }))
    await vi.waitFor(() => expect(started).toHaveBeenCalledOnce())
    expect(posted).toEqual([{ policyId: 'county-plan', version: '1.0.0' }])
  })
})
