// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../../i18n.ts'
import './dashboard.ts'
import { clearPage, mount, serve, UNASSIGNED } from './dashboard.fixtures.ts'

// ECharts needs a canvas happy-dom lacks: both charts draw nothing.
vi.mock('../phase-gates/phase-gates.chart.ts', async () => ({
  createGantt: (await import('./dashboard.fixtures.ts')).fakeChart,
  ganttOption: () => ({}),
}))
vi.mock('../unit-progress/unit-progress.chart.ts', async () => ({
  createUnitChart: (await import('./dashboard.fixtures.ts')).fakeChart,
  unitOption: () => ({}),
}))

afterEach(clearPage)

describe('ls-dashboard: work nobody was given', () => {
  it('warns of groups with no member and duties with no assignee, says how to fix it, and switches to English', async () => {
    serve(undefined, UNASSIGNED)
    const dashboard = await mount()
    const warning = dashboard.shadowRoot!.querySelector('.unassigned')!
    expect(warning.querySelector('h3')?.textContent).toBe('无人承办的工作')
    expect(warning.querySelector('.groups li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '各乡镇卫生院 — 推进家庭医生签约 设置成员',
    )
    expect(warning.querySelector('.duties li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '推进家庭医生签约 （牵头：各乡镇卫生院）',
    )
    expect(warning.querySelector('.fix')?.textContent).toContain('members')
    expect(warning.querySelector('.groups summary')?.textContent).toBe(
      '1 个组织没有成员单位，其承担的工作没有生成任务',
    )
    expect(warning.querySelector<HTMLDetailsElement>('.groups')?.open).toBe(true)
    setLocale('en')
    try {
      await dashboard.updateComplete
      const english = dashboard.shadowRoot!.querySelector('.unassigned')!
      expect(english.querySelector('h3')?.textContent).toBe('Work nobody holds')
      expect(english.querySelector('.duties li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
        '推进家庭医生签约 (led by 各乡镇卫生院)',
      )
      expect(english.querySelector('.fix')?.textContent).toMatch(/^To fix:/)
    } finally {
      setLocale('zh')
    }
  })

  it('opens the members editor of a group from its warning, and closes it', async () => {
    serve(undefined, UNASSIGNED)
    const dashboard = await mount()
    const button = dashboard.shadowRoot!.querySelector<HTMLButtonElement>('.groups li button')!
    expect(button.textContent).toBe('设置成员')
    button.click()
    await dashboard.updateComplete
    const editor = dashboard.shadowRoot!.querySelector('ls-members-editor')!
    expect(editor.getAttribute('group-id')).toBe('township-health-centers')
    expect(editor.getAttribute('plan-id')).toBeTruthy()
    expect(button.getAttribute('aria-expanded')).toBe('true')
    await vi.waitFor(() =>
      expect(editor.shadowRoot!.querySelector('h4')?.textContent).toBe('「各乡镇卫生院」的成员'),
    )
    editor.dispatchEvent(new CustomEvent('ls-close'))
    await dashboard.updateComplete
    expect(dashboard.shadowRoot!.querySelector('ls-members-editor')).toBeNull()
  })

  it('folds a long list of unassigned work under its count', async () => {
    const many = Array.from({ length: 12 }, (_, index) => ({
      id: `group-${index}`,
      name: `组织${index}`,
      duties: [],
    }))
    serve(undefined, { ...UNASSIGNED, unassigned: { ...UNASSIGNED.unassigned, groups: many } })
    const dashboard = await mount()
    const groups = dashboard.shadowRoot!.querySelector<HTMLDetailsElement>('.unassigned .groups')!
    expect(groups.open).toBe(false)
    expect(groups.querySelector('summary')?.textContent).toBe(
      '12 个组织没有成员单位，其承担的工作没有生成任务',
    )
    expect(groups.querySelectorAll('li')).toHaveLength(12)
    expect(
      dashboard.shadowRoot!.querySelector<HTMLDetailsElement>('.unassigned .duties')?.open,
    ).toBe(true)
  })

  it('shows no warning when every group has members and every duty an assignee', async () => {
    serve()
    const dashboard = await mount()
    expect(dashboard.shadowRoot!.querySelector('.unassigned')).toBeNull()
  })
})
