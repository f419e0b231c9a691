/**
 * Message keys are typed: the shared table's `t()`, a family with `tOf()` and a component's own
 * `messageTable()` each refuse a key they do not have. The `@ts-expect-error` lines are the
 * test — `npm run typecheck` fails when one of them compiles.
 */
import { messageTable, setLocale, t, tOf } from './i18n.ts'

describe('message keys', () => {
  beforeEach(() => {
    vi.stubGlobal('document', { documentElement: {} })
    vi.stubGlobal('window', { dispatchEvent: () => true })
    setLocale('en')
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('t() takes only keys of the shared table', () => {
    expect(t('inbox')).toBe('My tasks')
    // @ts-expect-error: no such key
    expect(t('inbxo')).toBe('inbxo')
  })

  it('tOf() takes only a family the table has, and falls back to the whole key for an unknown value', () => {
    expect(tOf('state_', 'submitted')).toBe('Submitted')
    expect(tOf('task_role_', 'lead')).toBe('Lead')
    expect(tOf('state_', 'step:apply')).toBe('state_step:apply')
    // @ts-expect-error: no key starts with `stat_`
    expect(tOf('stat_', 'submitted')).toBe('stat_submitted')
  })

  it('a component’s table looks up its own keys only', () => {
    const text = messageTable({ count: { zh: '{n} 项', en: '{n} items' } })
    expect(text('count', { n: 3 })).toBe('3 items')
    // @ts-expect-error: the table has no `title`
    expect(text('title')).toBe('')
  })
})
